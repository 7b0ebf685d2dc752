import PsyScreen
import PsyScreenStore

/// An outcome as the terminal functions take it (`psyscreen_store_outcome`): the attempt's level, reasons and
/// validity, and its instrument rows (with their answers and scale scores, ``AnswerColumn`` and ``ScaleColumn``),
/// as JSON.
enum PostgresOutcome {
    static func json(_ outcome: BatteryScorer.Outcome, answers: [String: [Int?]]) -> String {
        var results: [JSONValue] = []
        for (position, result) in outcome.results.enumerated() {
            results.append(
                .object([
                    ("instrument_id", .string(result.instrumentID)), ("instrument_version", .string(result.instrumentVersion)),
                    ("position", .integer(position)), ("status", .string(result.status.rawValue)),
                    ("flags", .string(result.flags.joined(separator: ";"))), ("crisis", .bool(result.hasCrisis)),
                    ("validity", .string(ValidityColumn.text(result.validity))),
                    ("answers", .string(AnswerColumn.text(answers[result.instrumentID] ?? []))),
                    ("scales", .string(ScaleColumn.text(result.scales))),
                ]))
        }
        return JSONValue.object([
            ("level", .string(outcome.assessment.level.rawValue)),
            ("reasons", .string(outcome.assessment.reasons.map(\.code).joined(separator: "; "))),
            ("scored", .bool(outcome.isScored)), ("validity", .string(ValidityColumn.text(outcome.validity))),
            ("crisis", .bool(outcome.hasCrisis)), ("results", .array(results)),
        ]).rendered()
    }
}
