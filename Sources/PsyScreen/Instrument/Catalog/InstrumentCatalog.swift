import Foundation

/// Every instrument and battery in one directory (the shipped `instruments/`), loaded and cross-checked.
package struct InstrumentCatalog: Sendable {
    package let directory: String
    /// Sorted by id.
    package let instruments: [Instrument]
    /// Sorted by id.
    package let batteries: [Battery]
    let loader: InstrumentLoader

    /// Loads every `*.xml` file of `directory` against the `psyscreen.xsd` found there. Problems of all files are
    /// reported together.
    package static func load(directory: String) throws(InputError) -> InstrumentCatalog {
        let loader = try InstrumentLoader(schemaPath: (directory as NSString).appendingPathComponent(InstrumentLoader.schemaFileName))
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
        } catch {
            throw InputError(at: SourceLocation(file: directory, line: 1), InstrumentMessage.cannotListDirectory)
        }
        var diagnostics: [Diagnostic] = []
        var instruments: [String: Instrument] = [:]
        var batteryFiles: [BatteryFile] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                switch try loader.load(path) {
                case .instrument(let instrument):
                    if let other = instruments[instrument.id] {
                        diagnostics.append(
                            Diagnostic(
                                at: SourceLocation(file: path, line: 1),
                                InstrumentMessage.instrumentDefinedTwice(id: instrument.id, otherFile: other.source)))
                    } else {
                        instruments[instrument.id] = instrument
                    }
                case .battery(let file):
                    batteryFiles.append(file)
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        var batteries: [Battery] = []
        for file in batteryFiles {
            do {
                let battery = try file.resolve { instruments[$0] }
                if batteries.contains(where: { $0.id == battery.id }) {
                    diagnostics.append(
                        Diagnostic(at: SourceLocation(file: file.file, line: 1), InstrumentMessage.batteryDefinedTwice(battery.id)))
                } else {
                    batteries.append(battery)
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        return InstrumentCatalog(
            directory: directory, instruments: instruments.values.sorted { $0.id < $1.id },
            batteries: batteries.sorted { $0.id < $1.id }, loader: loader)
    }

    package func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }
    package func battery(_ id: String) -> Battery? { batteries.first { $0.id == id } }

    /// An instrument by id, or from a file when `idOrPath` names one (contains `/` or ends in `.xml`).
    package func resolveInstrument(_ idOrPath: String) throws(InputError) -> Instrument {
        if idOrPath.contains("/") || idOrPath.hasSuffix(".xml") {
            guard case .instrument(let instrument) = try loader.load(idOrPath) else {
                throw InputError(at: SourceLocation(file: idOrPath, line: 1), InstrumentMessage.fileIsBattery)
            }
            return instrument
        }
        guard let instrument = instrument(idOrPath) else {
            throw InputError(
                at: SourceLocation(file: directory, line: 1),
                InstrumentMessage.noInstrument(idOrPath, known: instruments.map(\.id)))
        }
        return instrument
    }

    /// A battery by id.
    package func resolveBattery(_ id: String) throws(InputError) -> Battery {
        guard let battery = battery(id) else {
            throw InputError(
                at: SourceLocation(file: directory, line: 1),
                InstrumentMessage.noBattery(id, known: batteries.map(\.id)))
        }
        return battery
    }

    /// Validates any file against this catalog's schema; a battery is resolved against this catalog's instruments.
    package func validate(_ path: String) throws(InputError) {
        switch try loader.load(path) {
        case .instrument:
            return
        case .battery(let file):
            _ = try file.resolve { instrument($0) }
        }
    }
}
