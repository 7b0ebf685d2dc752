import ArgumentParser
import PsyScreen

/// `--battery ID` or `--instrument ID|FILE ...`: what to score.
struct ScoringSelection: ParsableArguments {
    @Option(help: "A battery id (e.g. annual): its instruments, in order, and its warning policy.")
    var battery: String?

    @Option(name: .customLong("instrument"), help: "An instrument id or XML file; repeat for several.")
    var instruments: [String] = []

    func validate() throws {
        if battery == nil && instruments.isEmpty {
            throw ValidationError("say what to score: --battery ID or --instrument ID (repeatable)")
        }
        if battery != nil && !instruments.isEmpty {
            throw ValidationError("--battery and --instrument cannot be combined")
        }
    }

    /// The battery to score with (an ad-hoc one for `--instrument`); throws when unknown.
    func resolve(_ catalog: InstrumentCatalog) throws -> Battery {
        if let battery { return try catalog.resolveBattery(battery) }
        return Battery.adHoc(try instruments.map { id throws(InputError) in try catalog.resolveInstrument(id) })
    }

    /// The options as typed again (`--battery annual`, `--instrument phq9 --instrument gad7`), for instructions.
    var arguments: String {
        battery.map { "--battery \($0)" } ?? instruments.map { "--instrument \($0)" }.joined(separator: " ")
    }

    /// The `--instrument` values that name files: inputs no output may replace.
    var instrumentFiles: [String] { instruments.filter { $0.contains("/") || $0.hasSuffix(".xml") } }
}
