/// The coded values of psyscreen's tables as people read them: warning levels, screening states, follow-up
/// statuses, sources, roster statuses. CSV and JSON keep the codes (``english`` is the code); tables and
/// `--headers human` files show ``text(in:)``.
package enum Term: Message, Hashable {
    case level(WarningLevel)
    case state(ScreeningState)
    case attemptState(AttemptState)
    case followUp(FollowUpStatus)
    case source(AttemptSource)
    case enrollment(EnrollmentStatus)
    /// The unit a row of a roll-up or coverage table counts: school, grade or class.
    case unit(CoverageTable.Level)
    /// The unit cell of a total row.
    case total

    package var english: String {
        switch self {
        case .level(let level): level.rawValue
        case .state(let state): state.rawValue
        case .attemptState(let state): state.rawValue
        case .followUp(let status): status.rawValue
        case .source(let source): source.rawValue
        case .enrollment(let status): status.rawValue
        case .unit(let level): level.rawValue
        case .total: "total"
        }
    }
}
