import ArgumentParser
import PsyScreen
import PsyScreenStore

struct FollowUp: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up",
        abstract: "Record a follow-up step for a student in the warning register (steps are added, never overwritten).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The student id.")
    var student: String

    @Option(help: "The screening wave.")
    var wave: String

    @Option(help: "contacted, counseling, referred or closed.")
    var status: FollowUpStatus

    @Option(help: "A short note (who, what was agreed).")
    var note: String?

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let store = try database.openForWriting()
        let step = try store.recordFollowUp(studentID: student, wave: wave, status: status, note: note)
        try StandardOutput.line(
            CommandMessage.followUpRecorded(
                student: step.studentID, wave: wave, status: step.status, at: Timestamp.string(step.at), by: step.recordedBy
            ).text(in: language))
    }
}

extension FollowUpStatus: ExpressibleByArgument {}
