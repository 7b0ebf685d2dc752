import Foundation
import PsyScreen
import PsyScreenStore

/// Connects a ``TerminalFlow`` to standard input and output and to the school database: shows what the flow
/// says, performs each effect it asks for (each answer is committed before the flow sees the result, so before
/// the next item is shown) and feeds back lines, EOF, Ctrl-C and idle timeouts.
struct TerminalDriver {
    var flow: TerminalFlow
    let store: any ScreeningStore
    let wave: String
    let screen: TerminalScreen
    let reader: LineReader
    /// Kiosk only: seconds without input before a student's session is closed.
    let idleTimeout: Double?
    let inputIsTerminal: Bool

    /// Runs until the flow ends; returns the exit status.
    mutating func run() -> Int32 {
        var actions = flow.handle(.start, now: Date())
        while true {
            var effect: FlowEffect?
            for action in actions {
                switch action {
                case .show(let output): screen.show(output)
                case .perform(let next): effect = next
                case .exit(let status): return status
                }
            }
            if let effect {
                actions = flow.handle(perform(effect), now: Date())
                continue
            }
            guard flow.isAwaitingInput else { return 0 }
            actions = flow.handle(nextInput(), now: Date())
        }
    }

    private func nextInput() -> FlowEvent {
        switch reader.next(timeout: flow.configuration.kiosk ? idleTimeout : nil) {
        case .line(let line):
            // Through a pipe nothing echoes the typed line: end the prompt's line so the transcript stays readable.
            if !inputIsTerminal { screen.write("\n") }
            return .line(line)
        case .interrupted:
            return .interrupted
        case .timedOut:
            return .idleTimeout
        case .endOfInput:
            // Ctrl-D on a kiosk's terminal ends the student's session like Ctrl-C; only at the ID prompt does it
            // stop the kiosk (how the teacher closes it).
            if flow.configuration.kiosk, inputIsTerminal, flow.phase != .askingID {
                reader.resumeAfterEndOfInput()
                return .interrupted
            }
            return .endOfInput
        }
    }

    /// Performs an effect. A busy database (an import publishing, another terminal) is never a failure: the
    /// student is told the answer is being saved, and it is tried again until it is stored. Only a real failure
    /// (a full disk, a damaged file) ends the session; an answer being saved then goes, with the sitting's other
    /// answers, to a recovery file the teacher can import.
    private func perform(_ effect: FlowEffect) -> FlowEvent {
        var told = false
        while true {
            do {
                return try performOnce(effect)
            } catch let error where error.isBusy {
                if !told {
                    screen.show(.notice(flow.say(.saving)))
                    told = true
                }
            } catch {
                // The student sees a short line; the teacher finds the details on stderr.
                printError(error.text(in: language))
                if case .saveAnswer = effect, let sheet = flow.unsavedSheet {
                    keep(sheet)
                    return .answersKept
                }
                return .storeFailed(error.message)
            }
        }
    }

    private func performOnce(_ effect: FlowEffect) throws(StoreError) -> FlowEvent {
        let battery = flow.configuration.battery
        switch effect {
        case .lookUpStudent(let id):
            guard let lookup = try store.lookUp(wave: wave, studentID: id, battery: battery) else { return .studentNotFound }
            return .studentFound(lookup)
        case .startAttempt(let studentID, let consented):
            return .attemptStarted(
                try store.startTerminalAttempt(wave: wave, studentID: studentID, battery: battery, consented: consented))
        case .saveAnswer(let attemptID, let instrumentID, let itemID, let value, let seconds):
            return .answerSaved(
                try store.saveAnswer(
                    attemptID: attemptID, battery: battery, instrumentID: instrumentID, itemID: itemID, value: value,
                    seconds: seconds))
        case .finishAttempt(let attemptID):
            try store.finishAttempt(attemptID: attemptID, battery: battery)
            return .attemptFinished
        }
    }

    private var language: Language { flow.configuration.language }

    /// Writes the sitting's answers to a recovery file beside the database (owner-only), or, if even that fails,
    /// to standard error: the teacher imports it with `psyscreen import`.
    private func keep(_ sheet: (studentID: String, answers: [Int?])) {
        let battery = flow.configuration.battery
        let text = RecoverySheet.csv(battery: battery, studentID: sheet.studentID, answers: sheet.answers)
        if let path = RecoveryFile.write(text, database: store.path, wave: wave, studentID: sheet.studentID) {
            printError(
                CommandMessage.answersInRecoveryFile(student: sheet.studentID, file: path, wave: wave, battery: battery.id)
                    .text(in: language))
        } else {
            printError(
                CommandMessage.answersNotKept(student: sheet.studentID, wave: wave, battery: battery.id, text: text)
                    .text(in: language))
        }
    }
}
