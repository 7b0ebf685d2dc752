import Foundation

/// One student's progress through the battery's items during this session at the terminal.
struct Sitting: Hashable, Sendable {
    let attemptID: Int64
    /// By position in ``BatteryItems``; `nil` = no answer or skipped (see `answered`).
    var values: [Int?]
    /// Whether the position has an answer row (an answer or an explicit skip).
    var answered: [Bool]
    /// Time spent on each item in this session, added up over visits (back and change).
    var seconds: [Double]
    /// The item on screen.
    var position = 0
    /// When the item on screen was shown.
    var shownAt: Date
    /// Instruments whose instructions this student has seen in this session.
    var instructionsShown: Set<String> = []
    /// The battery's crisis text is shown once per session.
    var crisisShown = false
    /// The value being saved while the store works (`nil` = a skip).
    var pending: Int?

    /// A new attempt: nothing answered.
    init(attemptID: Int64, count: Int, now: Date) {
        self.attemptID = attemptID
        values = Array(repeating: nil, count: count)
        answered = Array(repeating: false, count: count)
        seconds = Array(repeating: 0, count: count)
        shownAt = now
    }

    /// An attempt left in progress earlier, with the answers it has.
    init(resuming attempt: ScreeningAttempt, answeredItems: Set<String>, items: BatteryItems, now: Date) {
        self.init(attemptID: attempt.id, count: items.count, now: now)
        for entry in items.entries {
            let index = entry.instrument.items.firstIndex(of: entry.item) ?? 0
            let stored = attempt.answers[entry.instrument.id] ?? []
            values[entry.position] = index < stored.count ? stored[index] : nil
            answered[entry.position] = answeredItems.contains(entry.key)
        }
    }

    /// The first position without an answer row, from the start.
    var firstUnanswered: Int? { answered.firstIndex(of: false) }

    /// The position to show after `position` was answered: the next unanswered one after it (a student who went
    /// back and changed an answer returns to where they were), else any left, else nil (done).
    func next(after position: Int) -> Int? {
        answered[(position + 1)...].firstIndex(of: false) ?? firstUnanswered
    }

    /// Items of `instrumentID` explicitly skipped so far.
    func skippedItemIDs(of instrumentID: String, in items: BatteryItems) -> Set<String> {
        Set(
            items.entries.filter { $0.instrument.id == instrumentID && answered[$0.position] && values[$0.position] == nil }.map(
                \.item.id))
    }
}
