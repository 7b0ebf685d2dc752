import FuzzSupport
import PsyScreen

/// Mutated instrument and battery files through the loader, then through what every command does with a loaded
/// file: scoring (lowest, highest, missing and mixed answers), the warning policy, the counselor's sheet, the
/// report's counted scores. A bad file must end as an `InputError`, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzInstruments(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    InstrumentsFuzzer.run(FuzzSupport.bytes(data, size))
    return 0
}

enum InstrumentsFuzzer {
    static let directory = FuzzSupport.repositoryRoot + "/instruments"
    static let loader = try! InstrumentLoader(schemaPath: directory + "/psyscreen.xsd")
    /// The shipped instruments, which a mutated battery names.
    static let catalog = try! InstrumentCatalog.load(directory: directory)

    static func run(_ bytes: [UInt8]) {
        let document: InstrumentLoader.Document
        do {
            document = try loader.load(bytes, file: "fuzz.xml")
        } catch {
            for language in Language.allCases { _ = error.text(in: language) }
            return
        }
        switch document {
        case .instrument(let instrument):
            for language in Language.allCases { _ = InstrumentSheet.render(instrument, language: language) }
            exercise(Battery.adHoc([instrument]))
        case .battery(let file):
            do {
                let battery = try file.resolve { catalog.instrument($0) }
                for language in Language.allCases { _ = InstrumentSheet.render(battery, language: language) }
                exercise(battery)
            } catch {
                for language in Language.allCases { _ = error.text(in: language) }
            }
        }
    }

    /// Scores answer patterns that reach every end of every scale.
    static func exercise(_ battery: Battery) {
        let scorer = BatteryScorer(battery)
        let columns = CohortColumn.columns(of: battery.instruments)
        let resultColumns = ResultColumns(battery.instruments)
        _ = resultColumns.names
        let patterns: [(ResponseSet, Int) -> Int?] = [
            { set, _ in set.minimumValue },
            { set, _ in set.maximumValue },
            { _, _ in nil },
            { set, index in index % 2 == 0 ? set.maximumValue : set.minimumValue },
            { set, index in index == 0 ? set.maximumValue : nil },
            { set, index in set.values.isEmpty ? nil : set.values[index % set.values.count] },
        ]
        for pattern in patterns {
            var answers: [String: [Int?]] = [:]
            for instrument in battery.instruments {
                answers[instrument.id] = instrument.items.enumerated().map { index, item in
                    instrument.responseSets.first { $0.id == item.responseSetID }.flatMap { pattern($0, index) }
                }
            }
            guard let outcome = try? scorer.score(answers, totalSeconds: 1) else { continue }
            _ = outcome.assessment.level
            _ = resultColumns.cells(outcome.results)
            for column in columns {
                let result = outcome.results.first { $0.instrumentID == column.instrumentID }
                if let score = result?.scale(column.scaleID)?.score { _ = column.unscaled(Double(column.scaled(score))) }
            }
        }
    }
}
