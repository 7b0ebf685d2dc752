/// The lab terminal's own words (prompts, notices, help). Short and calm: the reader is a student, often 15.
package enum SessionMessage: Message, Hashable {
    case studentIDPrompt
    case unknownStudent(String)
    /// Class and masked name, for the student to confirm.
    case identity(className: String, maskedName: String)
    case confirmPrompt
    case notYou
    case yesOrNo
    case consentPrompt
    case alreadyFinished
    case refused
    case retakeDeclined
    case resuming(at: Int, of: Int)
    /// `range`: `0–3`, or `1/2/4` when the values are not consecutive.
    case answerPrompt(range: String)
    /// The current answer (`2 有几天`), nil when it was skipped.
    case currentAnswer(String?)
    case keys
    case notAnOption(Int, range: String)
    case unclear(range: String)
    case noPreviousQuestion
    case skipRefused(allowed: Int, skipped: Int)
    case crisisItemCannotBeSkipped
    case help(range: String)
    case quit(continueAt: Int)
    case endOfInput
    case interrupted
    case storeFailed(LocalizedText)
    /// The database is busy (an import, another terminal): the answer is kept and saved as soon as it can be.
    case saving
    /// The database failed for good: the sitting's answers went to a recovery file for the teacher.
    case answersKept
    case dismissPrompt

    package var english: String {
        switch self {
        case .studentIDPrompt: "Your student ID: "
        case .unknownStudent(let id): "The student ID \(id) is not on the roster. Check it and type it again, or ask the teacher."
        case .identity(let unit, let name): "Class: \(unit), name: \(name)"
        case .confirmPrompt: "Is this you? (y/n) "
        case .notYou: "All right: type your student ID again."
        case .yesOrNo: "Please type y (yes) or n (no)."
        case .consentPrompt: "Do you agree to take part? (y/n) "
        case .alreadyFinished: "You have already completed this screening. Thank you!"
        case .refused: "All right: you chose not to take part, and this has been recorded. Thank you!"
        case .retakeDeclined: "All right: no retake. The screening you completed earlier still counts. Thank you!"
        case .resuming(let number, let total):
            "Welcome back. Your earlier answers are saved; continuing at question \(number) of \(total)."
        case .answerPrompt(let range): "Your answer (\(range)): "
        case .currentAnswer(let label?): "(current answer: \(label); Enter keeps it)"
        case .currentAnswer(nil): "(current answer: skipped; Enter keeps it)"
        case .keys: "Type the number of your answer and press Enter. b back, s skip, q stop for now (answers are saved), ? help."
        case .notAnOption(let value, let range): "\(value) is not an option: type \(range)."
        case .unclear(let range): "Please type a number \(range) (? for help)."
        case .noPreviousQuestion: "This is the first question."
        case .skipRefused(let allowed, let skipped):
            allowed == 0
                ? "This question cannot be skipped: this questionnaire needs an answer to every question."
                : "This question cannot be skipped: at most \(allowed == 1 ? "1 question" : "\(allowed) questions") of this questionnaire may be skipped, and you have skipped \(skipped)."
        case .crisisItemCannotBeSkipped:
            "This question matters for your safety and cannot be skipped. Please choose the answer closest to how you really feel."
        case .help(let range):
            """
            How to answer: type the number in front of an option (\(range)), then press Enter.
              b  back to the previous question (you may change your answer)
              s  skip this question (some cannot be skipped)
              q  stop for now (your answers are saved; type your student ID next time to go on)
              ?  show this help
            """
        case .quit(let number): "Your answers are saved. Type your student ID next time to continue at question \(number)."
        case .endOfInput: "Input ended; your answers are saved."
        case .interrupted: "Interrupted; your answers are saved."
        case .storeFailed(let message):
            "Something went wrong and this was not saved (\(message.english)). Please tell the teacher."
        case .saving: "Saving, please wait…"
        case .answersKept:
            "Something went wrong with the database. Your answers were kept in a separate file; please tell the teacher."
        case .dismissPrompt: "Press Enter to finish."
        }
    }
}
