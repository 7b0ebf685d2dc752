import Foundation

/// Every instrument and battery in one directory (the shipped `instruments/`), loaded and cross-checked.
///
/// A file with errors does not stop the others: it is kept in ``problems``, commands that do not need it go on,
/// and resolving its id (or a battery that uses it) fails with its errors.
package struct InstrumentCatalog: Sendable {
    /// A file of the directory that could not be used.
    package struct Problem: Sendable {
        package var file: String
        /// The id the file's root element claims, when it could be read that far.
        package var id: String?
        package var error: InputError

        package init(file: String, id: String?, error: InputError) {
            self.file = file
            self.id = id
            self.error = error
        }

        /// One line for a command that goes on without the file: its first error, and how to see them all.
        package var warning: Diagnostic {
            let own = error.diagnostics.filter { $0.location.file == file }
            let first = own.first ?? Diagnostic(at: SourceLocation(file: file, line: 1), InstrumentMessage.cannotBeRead)
            return Diagnostic(
                .warning, at: first.location, InstrumentMessage.fileNotUsed(first: first.message, more: own.count - 1, file: file)
            )
        }
    }

    package let directory: String
    /// Sorted by id.
    package let instruments: [Instrument]
    /// Sorted by id.
    package let batteries: [Battery]
    /// Sorted by file name.
    package let problems: [Problem]
    let loader: InstrumentLoader

    /// Loads every `*.xml` file of `directory` against the `psyscreen.xsd` found there. Only a missing schema or
    /// an unreadable directory stops the load; a bad file goes to ``problems``.
    package static func load(directory: String) throws(InputError) -> InstrumentCatalog {
        let loader = try InstrumentLoader(
            schemaPath: (directory as NSString).appendingPathComponent(InstrumentLoader.schemaFileName))
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
        } catch {
            throw InputError(at: SourceLocation(file: directory, line: 1), InstrumentMessage.cannotListDirectory)
        }
        var problems: [Problem] = []
        var instruments: [String: Instrument] = [:]
        var ambiguous: Set<String> = []
        var batteryFiles: [BatteryFile] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                switch try loader.load(path) {
                case .instrument(let instrument):
                    if let other = instruments[instrument.id] {
                        problems.append(duplicate(path, battery: false, instrument.id, other.source))
                        ambiguous.insert(instrument.id)
                    } else {
                        instruments[instrument.id] = instrument
                    }
                case .battery(let file):
                    batteryFiles.append(file)
                }
            } catch {
                problems.append(Problem(file: path, id: loader.claimedID(path), error: error))
            }
        }
        // Which file defined an ambiguous id is unknowable: none of them is used.
        for id in ambiguous { instruments[id] = nil }
        let unusable = problems
        var batteries: [String: Battery] = [:]
        var ambiguousBatteries: Set<String> = []
        for file in batteryFiles {
            do {
                let battery = try file.resolve({ instruments[$0] }, unusable: { id in unusable.first { $0.id == id }?.file })
                if let other = batteries[battery.id] {
                    problems.append(duplicate(file.file, battery: true, battery.id, other.source))
                    ambiguousBatteries.insert(battery.id)
                } else {
                    batteries[battery.id] = battery
                }
            } catch {
                // The errors of the instruments it needs come with the battery's own.
                let needed = file.instrumentIDs.flatMap { id in unusable.filter { $0.id == id }.flatMap(\.error.diagnostics) }
                problems.append(Problem(file: file.file, id: file.id, error: InputError(error.diagnostics + needed)))
            }
        }
        for id in ambiguousBatteries { batteries[id] = nil }
        return InstrumentCatalog(
            directory: directory, instruments: instruments.values.sorted { $0.id < $1.id },
            batteries: batteries.values.sorted { $0.id < $1.id }, problems: problems.sorted { $0.file < $1.file },
            loader: loader)
    }

    private static func duplicate(_ path: String, battery: Bool, _ id: String, _ other: String) -> Problem {
        Problem(
            file: path, id: id,
            error: InputError(
                at: SourceLocation(file: path, line: 1),
                InstrumentMessage.definedTwice(battery: battery, id: id, otherFile: other)))
    }

    package func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }
    package func battery(_ id: String) -> Battery? { batteries.first { $0.id == id } }

    /// The errors of the files that would define `id`, when there are any.
    package func problem(for id: String) -> InputError? {
        let diagnostics = problems.filter { $0.id == id }.flatMap(\.error.diagnostics)
        return diagnostics.isEmpty ? nil : InputError(diagnostics)
    }

    /// An instrument by id, or from a file when `idOrPath` names one (contains `/` or ends in `.xml`).
    package func resolveInstrument(_ idOrPath: String) throws(InputError) -> Instrument {
        if idOrPath.contains("/") || idOrPath.hasSuffix(".xml") {
            guard case .instrument(let instrument) = try loader.load(idOrPath) else {
                throw InputError(at: SourceLocation(file: idOrPath, line: 1), InstrumentMessage.fileIsBattery)
            }
            return instrument
        }
        if let instrument = instrument(idOrPath) { return instrument }
        if let problem = problem(for: idOrPath) { throw problem }
        throw InputError(
            at: SourceLocation(file: directory, line: 1),
            InstrumentMessage.noInstrument(idOrPath, known: instruments.map(\.id), unreadable: unreadableFiles))
    }

    /// A battery by id.
    package func resolveBattery(_ id: String) throws(InputError) -> Battery {
        if let battery = battery(id) { return battery }
        if let problem = problem(for: id) { throw problem }
        throw InputError(
            at: SourceLocation(file: directory, line: 1),
            InstrumentMessage.noBattery(id, known: batteries.map(\.id), unreadable: unreadableFiles))
    }

    /// Files that could not even be read as far as their id: the one asked for may be among them.
    private var unreadableFiles: [String] {
        problems.filter { $0.id == nil }.map { ($0.file as NSString).lastPathComponent }
    }

    /// Validates any file against this catalog's schema; a battery is resolved against this catalog's instruments.
    package func validate(_ path: String) throws(InputError) {
        switch try loader.load(path) {
        case .instrument:
            return
        case .battery(let file):
            _ = try file.resolve({ instrument($0) }, unusable: { id in problems.first { $0.id == id }?.file })
        }
    }
}
