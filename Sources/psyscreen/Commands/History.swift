import ArgumentParser
import PsyScreen
import PsyScreenStore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A student's growth file across waves: levels, scores and follow-ups (counselors only).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The student id.")
    var student: String

    func run() throws {
        let store = try database.openForReading()
        guard let history = try store.history(studentID: student) else {
            throw CLIError("no student '\(student)' on the roster")
        }
        try StandardOutput.write(HistoryText.render(history.student, attempts: history.attempts, followUps: history.followUps))
    }
}
