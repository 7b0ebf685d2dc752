import Foundation

/// Where an attempt's answers came from.
public enum AttemptSource: String, Hashable, Sendable, Codable {
    /// Keyed in from a paper form and imported from CSV.
    case paper
    /// Answered at a lab terminal (`psyscreen take`).
    case terminal
}

/// How far an attempt got.
public enum AttemptState: String, Hashable, Sendable, Codable {
    /// At the terminal, consent given, answering (or stopped midway and resumable).
    case inProgress = "in_progress"
    /// All done (a paper sheet is finished when imported).
    case finished
    /// Consent refused: counted apart in coverage.
    case refused
}

/// One screening sitting of one student in one wave, with the results computed when it was stored.
public struct ScreeningAttempt: Hashable, Sendable {
    public var id: Int64
    public var wave: String
    public var studentID: String
    public var batteryID: String
    public var batteryVersion: String
    public var source: AttemptSource
    public var state: AttemptState
    public var startedAt: Date
    public var finishedAt: Date?
    /// Answers per instrument id, in the instrument's item order (`nil` = missing).
    public var answers: [String: [Int?]]
    /// One per instrument of the battery, in battery order.
    public var results: [InstrumentResult]
    public var assessment: WarningAssessment
    /// Validity findings for the whole sitting (time taken under the battery minimum).
    public var validity: [ValidityFinding]

    public init(
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
    public var isScored: Bool {
        state != .refused && !results.isEmpty && results.allSatisfy { $0.status != .unscored }
    }

    public func result(_ instrumentID: String) -> InstrumentResult? {
        results.first { $0.instrumentID == instrumentID }
    }
}
