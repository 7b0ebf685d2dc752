import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit trail: every import, follow-up and identified export, with time and OS user.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "table, csv or json.")
    var format: ListingFormat = .table

    func run() throws {
        let store = try database.open()
        let entries: [AuditEntry]
        do { entries = try store.auditTrail() } catch { throw failure(error.description) }
        let tabulation = Tabulation(
            header: ["time", "user", "action", "detail"],
            rows: entries.map { [Timestamp.string($0.at), $0.user, $0.action, $0.detail] })
        try OutputFile.write(tabulation, format: format, to: nil) {
            JSONValue.array(tabulation.jsonObjects).rendered()
        }
    }
}
