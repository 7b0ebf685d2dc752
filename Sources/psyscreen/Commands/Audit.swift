import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Audit: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit trail: every import, follow-up and identified export, with time and OS user.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "table, csv or json.")
    var format: ListingFormat = .table

    /// Standard output only; the trail names students.
    var files: CommandFiles {
        CommandFiles(database: database.resolvedPath, outputs: [.init("standard output", "-", .ownerOnly)])
    }

    func run() throws {
        let store = try database.openForReading()
        let entries = try store.auditTrail()
        let tabulation = Tabulation(
            header: ["time", "user", "action", "detail"],
            rows: entries.map { [Timestamp.string($0.at), $0.user, $0.action, $0.detail] })
        try files.write(tabulation, format: format, to: "-") {
            JSONValue.array(tabulation.jsonObjects).rendered()
        }
    }
}
