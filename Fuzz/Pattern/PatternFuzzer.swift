import Foundation
import FuzzSupport
import PsyScreen

/// Mutated stored patterns (what `wave close` keeps in `wave_pattern`, read by every report of the wave) through
/// `DisclosurePattern.Decoding` and on to the pattern for the annual battery's columns: a damaged file's pattern
/// must be no pattern (the report then refuses), never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPattern(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    PatternFuzzer.run(FuzzSupport.bytes(data, size))
    return 0
}

enum PatternFuzzer {
    static let columns: [CohortColumn] = {
        do {
            let catalog = try InstrumentCatalog.load(directory: FuzzSupport.repositoryRoot + "/instruments")
            guard let battery = catalog.battery("annual") else { fatalError("the shipped annual battery is missing") }
            return CohortColumn.columns(of: battery.instruments)
        } catch {
            fatalError("the shipped instruments do not load:\n\(error)")
        }
    }()

    static func run(_ bytes: [UInt8]) {
        guard let pattern = DisclosurePattern.Decoding(Data(bytes)).pattern(columns: columns) else { return }
        // What a report asks of it.
        for unit in pattern.units {
            _ = pattern.isHidden(.screened, of: unit)
            _ = pattern.distributions.map { $0.contains(unit) }
        }
        _ = pattern.encoded(columns: columns)
    }
}
