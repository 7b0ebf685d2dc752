import ArgumentParser
import PsyScreen
import PsyScreenStore

struct History: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A student's growth file across waves: levels, scores and follow-ups (counselors only).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The student id.")
    var student: String

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let store = try database.openForReading()
        guard let history = try store.history(studentID: student) else {
            throw CLIError(StoreMessage.noStudent(student))
        }
        try StandardOutput.write(
            HistoryText.render(history.student, attempts: history.attempts, followUps: history.followUps, language: language))
    }
}
