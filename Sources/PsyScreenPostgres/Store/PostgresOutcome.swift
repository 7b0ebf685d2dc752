import PsyScreen
import PsyScreenStore

/// An outcome as the terminal functions take it (`psyscreen_store_outcome`): the attempt's level, reasons and
/// validity, and its results column (with their answers and scale scores, ``ResultColumn``), as JSON.
enum PostgresOutcome {
    static func json(_ outcome: BatteryScorer.Outcome, answers: [String: [Int?]]) -> String {
        JSONValue.object([
            ("level", .string(outcome.assessment.level.rawValue)),
            ("reasons", .string(outcome.assessment.reasons.map(\.code).joined(separator: "; "))),
            ("scored", .bool(outcome.isScored)), ("validity", .string(ValidityColumn.text(outcome.validity))),
            ("crisis", .bool(outcome.hasCrisis)),
            ("results", .string(ResultColumn.text(outcome.results) { answers[$0.instrumentID] ?? [] })),
        ]).rendered()
    }
}
