import Foundation

/// One screening sitting of one student in one wave, with the results computed when it was stored.
package struct ScreeningAttempt: Hashable, Sendable {
    package var id: Int64
    package var wave: String
    package var studentID: String
    package var batteryID: String
    package var batteryVersion: String
    package var source: AttemptSource
    package var state: AttemptState
    package var startedAt: Date
    package var finishedAt: Date?
    /// Answers per instrument id, in the instrument's item order (`nil` = missing).
    package var answers: [String: [Int?]]
    /// One per instrument of the battery, in battery order.
    package var results: [InstrumentResult]
    package var assessment: WarningAssessment
    /// Validity findings for the whole sitting (time taken under the battery minimum).
    package var validity: [ValidityFinding]

    package init(
        id: Int64, wave: String, studentID: String, batteryID: String, batteryVersion: String, source: AttemptSource,
        state: AttemptState, startedAt: Date, finishedAt: Date?, answers: [String: [Int?]],
        results: [InstrumentResult], assessment: WarningAssessment, validity: [ValidityFinding]
    ) {
        self.id = id
        self.wave = wave
        self.studentID = studentID
        self.batteryID = batteryID
        self.batteryVersion = batteryVersion
        self.source = source
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.answers = answers
        self.results = results
        self.assessment = assessment
        self.validity = validity
    }

    /// Whether every instrument has a score on its main scales (a prorated score counts): the student is screened.
    package var isScored: Bool {
        state != .refused && !results.isEmpty && results.allSatisfy { $0.status != .unscored }
    }

    package func result(_ instrumentID: String) -> InstrumentResult? {
        results.first { $0.instrumentID == instrumentID }
    }
}
