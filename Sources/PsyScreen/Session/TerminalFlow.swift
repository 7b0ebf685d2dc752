import Foundation

/// The lab terminal's flow as a pure state machine: `handle(event, now:)` turns (state, event) into the actions to
/// take and the new state. It does no I/O and reads no clock: the driver passes `now` with every event, performs
/// the ``FlowEffect``s it asks for against the database and feeds their results back as events.
///
/// A student's session: student ID → confirmation (class and masked name) → consent, or a note on where an
/// earlier attempt resumes → one item at a time in battery order → closing text. Every answer is saved (an
/// effect) before the next item is shown; the battery's crisis text is shown as soon as a saved answer raises a
/// crisis flag, once per session.
package struct TerminalFlow: Sendable {
    /// What the flow needs to know about the command line.
    package struct Configuration: Hashable, Sendable {
        package var battery: Battery
        package var language: Language
        /// A shared screen: after each student the screen is cleared and the flow returns to the ID prompt.
        package var kiosk: Bool
        /// A student whose latest attempt is finished may take the battery again.
        package var retake: Bool

        package init(battery: Battery, language: Language, kiosk: Bool = false, retake: Bool = false) {
            self.battery = battery
            self.language = language
            self.kiosk = kiosk
            self.retake = retake
        }
    }

    /// Where the flow is. Phases ending in -ing without a prompt wait for an effect's result.
    package enum Phase: Hashable, Sendable {
        case notStarted
        case askingID
        case lookingUp
        case confirming
        case consenting
        case startingAttempt(consented: Bool)
        case answering
        case saving
        case finishing
        /// Kiosk: the closing text stays up until the student presses Enter.
        case dismissing
        case ended
    }

    package let configuration: Configuration
    let items: BatteryItems
    package internal(set) var phase: Phase = .notStarted
    /// The student at the terminal, from the ID lookup until their session ends.
    var lookup: StudentLookup?
    var sitting: Sitting?
    /// The ID typed last, for the "not on the roster" notice.
    private var pendingID = ""

    package init(_ configuration: Configuration) {
        self.configuration = configuration
        self.items = BatteryItems(configuration.battery)
    }

    /// The flow's own words in the configured language.
    package func say(_ message: SessionMessage) -> String { message.text(in: configuration.language) }

    /// Whether the flow waits for a line of input (otherwise for an effect's result, or it has ended).
    package var isAwaitingInput: Bool {
        [.askingID, .confirming, .consenting, .answering, .dismissing].contains(phase)
    }

    /// Whether a student is in the middle of a session (past the ID prompt).
    package var hasStudent: Bool { lookup != nil }

    /// Takes one event. Events that make no sense in the current phase (a driver bug) are ignored.
    package mutating func handle(_ event: FlowEvent, now: Date) -> [FlowAction] {
        switch event {
        case .start:
            guard phase == .notStarted else { return [] }
            phase = .askingID
            // A kiosk starts on a clean screen: whatever the teacher had there (a register, say) is not for students.
            return configuration.kiosk ? [.show(.clearScreen)] + greeting() : greeting()
        case .line(let line):
            return handleLine(line, now: now)
        case .endOfInput:
            return endOfInput()
        case .interrupted:
            return interrupt()
        case .idleTimeout:
            guard configuration.kiosk, isAwaitingInput, phase != .askingID else { return [] }
            return backToStudentIDPrompt()
        case .studentFound(let found):
            guard phase == .lookingUp else { return [] }
            lookup = found
            phase = .confirming
            return [
                .show(.text(say(.identity(className: found.student.classLabel, maskedName: found.student.maskedName)))),
                .show(.prompt(say(.confirmPrompt))),
            ]
        case .studentNotFound:
            guard phase == .lookingUp else { return [] }
            phase = .askingID
            return [.show(.notice(say(.unknownStudent(pendingID)))), .show(.prompt(say(.studentIDPrompt)))]
        case .attemptStarted(let attemptID):
            guard case .startingAttempt(let consented) = phase else { return [] }
            guard consented else { return [.show(.text(say(.refused)))] + endSession(status: 0) }
            sitting = Sitting(attemptID: attemptID, count: items.count, now: now)
            phase = .answering
            return showItem(now: now)
        case .answerSaved:
            return answerSaved(now: now)
        case .attemptFinished:
            guard phase == .finishing else { return [] }
            let closing = configuration.battery.closing.text(in: configuration.language.tag)
            return [.show(.text("")), .show(.text(closing))] + endSession(status: 0)
        case .storeFailed(let message):
            return [.show(.notice(say(.storeFailed(message))))] + endSession(status: 1)
        case .answersKept:
            return [.show(.notice(say(.answersKept)))] + endSession(status: 1)
        }
    }

    /// While an answer is being saved: the student and every answer of the sitting in battery item order, the
    /// one being saved included (nil: not answered, or skipped) — what a recovery file keeps when the database
    /// fails for good.
    package var unsavedSheet: (studentID: String, answers: [Int?])? {
        guard phase == .saving, let sitting, let student = lookup?.student else { return nil }
        var answers = sitting.values
        answers[sitting.position] = sitting.pending
        return (student.studentID, answers)
    }

    private func greeting() -> [FlowAction] {
        [
            .show(.text(configuration.battery.title.text(in: configuration.language.tag) + "\n")),
            .show(.prompt(say(.studentIDPrompt))),
        ]
    }

    private mutating func handleLine(_ line: String, now: Date) -> [FlowAction] {
        switch phase {
        case .askingID:
            let id = StudentID.normalize(line)
            guard !id.isEmpty else { return [.show(.prompt(say(.studentIDPrompt)))] }
            pendingID = id
            phase = .lookingUp
            return [.perform(.lookUpStudent(id: id))]
        case .confirming:
            switch YesNo(line: line) {
            case .yes: return afterConfirmation(now: now)
            case .no:
                lookup = nil
                phase = .askingID
                return [.show(.notice(say(.notYou))), .show(.prompt(say(.studentIDPrompt)))]
            case nil:
                return [.show(.notice(say(.yesOrNo))), .show(.prompt(say(.confirmPrompt)))]
            }
        case .consenting:
            guard let answer = YesNo(line: line), let student = lookup?.student else {
                return [.show(.notice(say(.yesOrNo))), .show(.prompt(say(.consentPrompt)))]
            }
            if answer == .no, lookup?.latestAttempt?.state == .finished {
                // A retake declined: the finished screening stands; a refusal stored now would replace it.
                return [.show(.text(say(.retakeDeclined)))] + endSession(status: 0)
            }
            phase = .startingAttempt(consented: answer == .yes)
            return [.perform(.startAttempt(studentID: student.studentID, consented: answer == .yes))]
        case .answering:
            return answer(line, now: now)
        case .dismissing:
            return backToStudentIDPrompt()
        case .notStarted, .lookingUp, .startingAttempt, .saving, .finishing, .ended:
            return []
        }
    }

    /// After "yes, this is me": resume an attempt left in progress, refuse a finished one, or ask for consent.
    private mutating func afterConfirmation(now: Date) -> [FlowAction] {
        guard let lookup else { return [] }
        let battery = configuration.battery
        if let latest = lookup.latestAttempt, latest.state == .inProgress, latest.source == .terminal,
            latest.batteryID == battery.id
        {
            var resumed = Sitting(resuming: latest, answeredItems: lookup.answeredItems, items: items, now: now)
            guard let first = resumed.firstUnanswered else {
                // Every item was saved but the process ended before finishing: finish now.
                sitting = resumed
                phase = .finishing
                return [.perform(.finishAttempt(attemptID: latest.id))]
            }
            resumed.position = first
            sitting = resumed
            phase = .answering
            return [.show(.notice(say(.resuming(at: first + 1, of: items.count))))] + showItem(now: now)
        }
        if let latest = lookup.latestAttempt, latest.state == .finished, !configuration.retake {
            return [.show(.text(say(.alreadyFinished)))] + endSession(status: 0)
        }
        phase = .consenting
        return [
            .show(.text("")), .show(.text(battery.consent.text(in: configuration.language.tag) + "\n")),
            .show(.prompt(say(.consentPrompt))),
        ]
    }

    /// Ends the student's session: a kiosk waits for Enter (the closing text stays readable), then clears.
    mutating func endSession(status: Int32) -> [FlowAction] {
        lookup = nil
        sitting = nil
        if configuration.kiosk {
            phase = .dismissing
            return [.show(.text("")), .show(.prompt(say(.dismissPrompt)))]
        }
        phase = .ended
        return [.exit(status)]
    }

    /// Kiosk: nothing of the previous student stays on screen.
    private mutating func backToStudentIDPrompt() -> [FlowAction] {
        lookup = nil
        sitting = nil
        phase = .askingID
        return [.show(.clearScreen)] + greeting()
    }

    private mutating func endOfInput() -> [FlowAction] {
        // The last prompt's line is still open.
        var actions: [FlowAction] = [.show(.text(""))]
        if sitting != nil, phase == .answering { actions.append(.show(.notice(say(.endOfInput)))) }
        if configuration.kiosk { actions.append(.show(.clearScreen)) }
        lookup = nil
        sitting = nil
        phase = .ended
        return actions + [.exit(0)]
    }

    private mutating func interrupt() -> [FlowAction] {
        if configuration.kiosk { return backToStudentIDPrompt() }
        let actions: [FlowAction] =
            sitting != nil ? [.show(.text("")), .show(.notice(say(.interrupted)))] : [.show(.text(""))]
        lookup = nil
        sitting = nil
        phase = .ended
        return actions + [.exit(130)]
    }
}
