/// The attempt of a wave that counts for one student, and the level it gives them: the one rule behind coverage,
/// the unscreened list, the warning register, the cohort report and the de-identified extract.
///
/// The latest attempt counts (another sheet for the same student replaces an earlier one), except that red
/// sticks: a crisis answer on any attempt of the wave keeps the student red, and the register explains it with
/// the latest red attempt. Feed it every attempt of the student in the wave, in any order. Small (24 bytes), so
/// that a report keeps one per student of a district.
package struct CountingAttempt: Hashable, Sendable {
    /// Attempt ids are positive: 0 is none.
    private var latestID: Int64 = 0
    private var latestRedID: Int64 = 0
    private var latestState = AttemptState.finished
    private var latestScored = false
    private var latestLevel = WarningLevel.none

    package init() {}

    /// Takes one stored attempt of the student in the wave into account.
    package mutating func add(id: Int64, state: AttemptState, scored: Bool, level: WarningLevel) {
        precondition(id > 0, "stored attempts have positive ids")
        if id > latestID {
            latestID = id
            latestState = state
            latestScored = scored
            latestLevel = level
        }
        if level == .red && id > latestRedID { latestRedID = id }
    }

    /// The attempt that counts: the latest; nil when the student has none in the wave.
    package var attemptID: Int64? { latestID > 0 ? latestID : nil }

    /// Where the student stands in the wave: the latest attempt's state.
    package var state: ScreeningState {
        latestID > 0 ? ScreeningState(latestState, scored: latestScored) : .notScreened
    }

    /// The student's level in the wave: red if any attempt was red, else the latest attempt's.
    package var level: WarningLevel { latestRedID > 0 ? .red : latestLevel }

    /// The attempt whose reasons explain ``level``: the latest red one when red sticks, else the latest.
    package var explainingAttemptID: Int64? { latestRedID > 0 ? latestRedID : attemptID }
}

extension CountingAttempt {
    /// The latest attempt as the rule saw it (id, state, scored, level), nil when the student has none: with
    /// ``latestRedAttemptID`` all a store needs to keep a student's verdict compactly and rebuild it
    /// (``init(latest:latestRedID:)``).
    package var latestAttempt: (id: Int64, state: AttemptState, scored: Bool, level: WarningLevel)? {
        latestID > 0 ? (latestID, latestState, latestScored, latestLevel) : nil
    }

    /// The latest red attempt, when any attempt was red.
    package var latestRedAttemptID: Int64? { latestRedID > 0 ? latestRedID : nil }

    /// The verdict whose ``latestAttempt`` and ``latestRedAttemptID`` are these (equal to the one they were read from).
    package init(latest: (id: Int64, state: AttemptState, scored: Bool, level: WarningLevel)?, latestRedID: Int64?) {
        guard let latest else { return }
        latestID = latest.id
        latestState = latest.state
        latestScored = latest.scored
        latestLevel = latest.level
        self.latestRedID = latestRedID ?? 0
    }
}
