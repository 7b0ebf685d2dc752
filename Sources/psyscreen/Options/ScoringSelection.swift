import ArgumentParser
import PsyScreen

/// `--battery ID` or `--instrument ID|FILE ...`: what to score.
struct ScoringSelection: ParsableArguments {
    @Option(help: "A battery id (e.g. annual): its instruments, in order, and its warning policy.")
    var battery: String?

    @Option(name: .customLong("instrument"), help: "An instrument id or XML file; repeat for several.")
    var instruments: [String] = []

    /// Refuses a selection that says nothing, or both things.
    func check() throws {
        if battery == nil && instruments.isEmpty { throw CLIError(CommandMessage.sayWhatToScore) }
        if battery != nil && !instruments.isEmpty { throw CLIError(CommandMessage.batteryAndInstrument) }
    }

    /// The battery to score with (an ad-hoc one for `--instrument`); throws when unknown.
    func resolve(_ catalog: InstrumentCatalog) throws -> Battery {
        try check()
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
