import ArgumentParser
import PsyScreen
import PsyScreenStore

struct Roster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Manage the roster of enrolled students (the coverage denominator).",
        subcommands: [RosterImport.self])
}

struct RosterImport: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update students from a roster CSV or Excel workbook, all or nothing.",
        discussion: """
            Columns: student_id, name, school, grade, class, gender, status (enrolled/在籍, leave/休学, \
            internship/实习, withdrawn/退学); optional campus, major, birth_date, dorm. Chinese headers (学号, 姓名, …) \
            work too. A roster with any bad row is refused whole, with every problem listed. Re-importing updates \
            students: one who changed class moves; nobody is duplicated.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var table: TableInputOptions

    @Argument(help: "The roster: CSV (- for standard input) or .xlsx (see --sheet).")
    var file: String

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let reader = try table.open(file)
        let students: [Student]
        do {
            students = try RosterReader.read(reader)
        } catch let error as InputError {
            throw RosterRefused(problems: error, file: file)
        }
        let store = try database.openForWriting()
        let summary = try store.importRoster(students, source: file)
        var text = ""
        for move in summary.moved {
            text += CommandMessage.rosterMoved(id: move.studentID, from: move.from, to: move.to).text(in: language) + "\n"
        }
        text += CommandMessage.rosterSummary(
            file: file, students: students.count, encoding: reader.encodingName, added: summary.added,
            updated: summary.updated, unchanged: summary.unchanged, notInRoster: summary.notInRoster
        ).text(in: language)
        try StandardOutput.line(text)
    }
}

/// A roster with bad rows: its problems (the first 100 on a terminal), then that nothing was imported.
struct RosterRefused: CommandFailure {
    var problems: InputError
    var file: String

    var exitCode: Int32 { 2 }
    func errorMessage(in language: Language) -> String {
        ProblemOutput.capped(problems.diagnostics, file: file, more: .fixAndImportAgain, language: language) + "\n"
            + CLIError(CommandMessage.rosterNotImported(problems: problems.diagnostics.count), file: file).errorMessage(
                in: language)
    }
}
