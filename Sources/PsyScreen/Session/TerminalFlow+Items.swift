import Foundation

/// Answering items: showing one, reading the student's input, saving, moving on.
extension TerminalFlow {
    /// Shows the item at the sitting's position: the instrument's instructions first when this student has not
    /// seen them in this session, then `[3/16] text`, the options and, when it has one, the current answer.
    /// `restartClock` is false when the same item is shown again (after `?`): its time keeps running.
    mutating func showItem(now: Date, restartClock: Bool = true) -> [FlowAction] {
        guard var sitting else { return [] }
        let entry = items[sitting.position]
        let language = configuration.language.tag
        var actions: [FlowAction] = [.show(.text(""))]
        if !sitting.instructionsShown.contains(entry.instrument.id) {
            let firstInSession = sitting.instructionsShown.isEmpty
            sitting.instructionsShown.insert(entry.instrument.id)
            actions += [
                .show(.text(entry.instrument.title.text(in: language))),
                .show(.text(entry.instrument.instructions.text(in: language) + "\n")),
            ]
            if firstInSession { actions.append(.show(.text(say(.keys) + "\n"))) }
        }
        actions.append(.show(.text("[\(entry.position + 1)/\(items.count)] \(entry.item.text.text(in: language))")))
        actions.append(.show(.options(entry.responses.options.map { "\($0.value) \($0.label.text(in: language))" })))
        if sitting.answered[entry.position] {
            let current = sitting.values[entry.position].flatMap { entry.responses.option(withValue: $0) }
            actions.append(.show(.text(say(.currentAnswer(current.map { "\($0.value) \($0.label.text(in: language))" })))))
        }
        actions.append(.show(.prompt(say(.answerPrompt(range: Self.range(of: entry.responses))))))
        if restartClock { sitting.shownAt = now }
        self.sitting = sitting
        return actions
    }

    private var currentRange: String {
        guard let sitting else { return "" }
        return Self.range(of: items[sitting.position].responses)
    }

    /// `0–3` for consecutive values, else `1/2/4`: what the prompts ask for.
    static func range(of responses: ResponseSet) -> String {
        let values = responses.values.sorted()
        guard let first = values.first, let last = values.last else { return "" }
        if values == Array(first...last), values.count > 2 { return "\(first)–\(last)" }
        return values.map(String.init).joined(separator: "/")
    }

    private var reprompt: FlowAction { .show(.prompt(say(.answerPrompt(range: currentRange)))) }

    mutating func answer(_ line: String, now: Date) -> [FlowAction] {
        guard var sitting else { return [] }
        let entry = items[sitting.position]
        switch ItemInput(line: line) {
        case .value(let value):
            guard entry.responses.option(withValue: value) != nil else {
                return [.show(.notice(say(.notAnOption(value, range: currentRange)))), reprompt]
            }
            return save(value, now: now)
        case .skip:
            let skipped = sitting.skippedItemIDs(of: entry.instrument.id, in: items)
            switch SkipRule.decide(entry.item, in: entry.instrument, skippedItemIDs: skipped) {
            case .allowed:
                return save(nil, now: now)
            case .refused(let allowed, let skipped):
                return [.show(.notice(say(.skipRefused(allowed: allowed, skipped: skipped)))), reprompt]
            case .crisisItem:
                return [.show(.notice(say(.crisisItemCannotBeSkipped))), reprompt]
            }
        case .back:
            guard sitting.position > 0 else { return [.show(.notice(say(.noPreviousQuestion))), reprompt] }
            // Time on the item left unanswered still counts when the student comes back to it.
            sitting.seconds[sitting.position] += max(0, now.timeIntervalSince(sitting.shownAt))
            sitting.position -= 1
            self.sitting = sitting
            return showItem(now: now)
        case .help:
            return [.show(.text("")), .show(.text(say(.help(range: currentRange))))] + showItem(now: now, restartClock: false)
        case .quit:
            let next = (sitting.firstUnanswered ?? sitting.position) + 1
            return [.show(.text("")), .show(.text(say(.quit(continueAt: next))))] + endSession(status: 0)
        case .keep where sitting.answered[sitting.position]:
            // Back on an answered item, Enter goes on with the answer it has (a kept skip is checked again).
            guard let value = sitting.values[sitting.position] else { return answer("s", now: now) }
            return save(value, now: now)
        case .keep, .other:
            return [.show(.notice(say(.unclear(range: currentRange)))), reprompt]
        }
    }

    /// Asks the driver to commit the answer (`nil` = skip) with the time spent on the item, visits added up.
    private mutating func save(_ value: Int?, now: Date) -> [FlowAction] {
        guard var sitting else { return [] }
        let entry = items[sitting.position]
        let seconds = sitting.seconds[entry.position] + max(0, now.timeIntervalSince(sitting.shownAt))
        sitting.seconds[entry.position] = seconds
        sitting.pending = value
        self.sitting = sitting
        phase = .saving
        return [
            .perform(
                .saveAnswer(
                    attemptID: sitting.attemptID, instrumentID: entry.instrument.id, itemID: entry.item.id, value: value,
                    seconds: seconds))
        ]
    }

    /// The answer is committed: show the crisis text if it raised a crisis flag (first time this session), then
    /// the next unanswered item, or finish.
    mutating func answerSaved(now: Date) -> [FlowAction] {
        guard phase == .saving, var sitting else { return [] }
        let entry = items[sitting.position]
        sitting.values[entry.position] = sitting.pending
        sitting.answered[entry.position] = true
        var actions: [FlowAction] = []
        // Decided from the answer itself, not from the outcome: a resumed attempt stays red after an earlier
        // crisis answer, and its next harmless answer must not bring the crisis text back.
        if let value = sitting.pending, !sitting.crisisShown,
            let position = entry.instrument.items.firstIndex(of: entry.item),
            entry.instrument.raisesCrisis(value, atItem: position)
        {
            sitting.crisisShown = true
            actions.append(.show(.crisis(configuration.battery.crisis.text(in: configuration.language.tag))))
        }
        sitting.pending = nil
        guard let next = sitting.next(after: entry.position) else {
            self.sitting = sitting
            phase = .finishing
            return actions + [.perform(.finishAttempt(attemptID: sitting.attemptID))]
        }
        sitting.position = next
        self.sitting = sitting
        phase = .answering
        return actions + showItem(now: now)
    }
}
