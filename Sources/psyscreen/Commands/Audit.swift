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

    @OptionGroup var headers: HeadersOption
    @OptionGroup var lang: LanguageOption

    /// Standard output only; the trail names students.
    var files: CommandFiles {
        CommandFiles(database: database.resolvedPath, outputs: [.init("standard output", "-", .ownerOnly)])
    }

    func run(in language: Language) throws {
        let presentation = try headers.presentation(format, in: language)
        let store = try database.openForReading()
        let entries = try store.auditTrail()
        let tabulation = Tabulation(
            header: presentation.headings([.time, .user, .action, .detail]),
            rows: entries.map { entry in
                [
                    Timestamp.string(entry.at), entry.user, presentation.code(entry.actionText),
                    entry.detail.text(in: presentation == .keys ? .english : language),
                ]
            })
        try files.write(tabulation, format: format, to: "-") {
            JSONValue.array(tabulation.jsonObjects).rendered()
        }
    }
}
