import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Results: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Identified per-student results of a wave (counselors only; written owner-only).",
        discussion: "One row per student: the attempt that counts (the latest). Item answers, scores, bands, flags, the warning level, source and time.")

    @OptionGroup var instruments: InstrumentOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "The screening wave.")
    var wave: String

    @Option(help: "The battery whose columns to write.")
    var battery: String = "annual"

    @Option(help: "csv or json.")
    var format: ListingFormat = .csv

    @Option(name: .shortAndLong, help: "The output file (mode 0600); - for standard output.")
    var output: String

    func run() throws {
        let battery: Battery
        do { battery = try instruments.catalog().resolveBattery(self.battery) } catch { throw failure("\(error)") }
        let store = try database.open()
        let rows: [(Student, ScreeningAttempt)]
        do {
            rows = try store.screenings(wave: wave).compactMap { screening in
                screening.attempt.map { (screening.student, $0) }
            }
            if output != "-" { try store.recordExport("results of wave \(wave)", path: output, rows: rows.count) }
        } catch {
            throw failure(error.description)
        }
        let tabulation = IdentifiedLists.results(rows, battery: battery)
        try OutputFile.write(tabulation, format: format == .table ? .csv : format, to: output, mode: 0o600) {
            JSONValue.object([("wave", .string(wave)), ("battery", .string(battery.id)), ("students", .array(tabulation.jsonObjects))]).rendered()
        }
        printError("\(rows.count) students written to \(output)")
    }
}
