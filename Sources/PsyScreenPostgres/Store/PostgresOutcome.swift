import PsyScreen
import PsyScreenStore

/// An outcome as the terminal functions take it (`psyscreen_store_outcome`): the attempt's level, reasons and
/// validity, and its instrument and scale rows, as JSON.
enum PostgresOutcome {
    static func json(_ outcome: BatteryScorer.Outcome, answers: [String: [Int?]]) -> String {
        var results: [JSONValue] = []
        var scales: [JSONValue] = []
        for (position, result) in outcome.results.enumerated() {
            results.append(
                .object([
                    ("instrument_id", .string(result.instrumentID)), ("instrument_version", .string(result.instrumentVersion)),
                    ("position", .integer(position)), ("status", .string(result.status.rawValue)),
                    ("flags", .string(result.flags.joined(separator: ";"))), ("crisis", .bool(result.hasCrisis)),
                    ("validity", .string(ValidityColumn.text(result.validity))),
                    ("answers", .string(AnswerColumn.text(answers[result.instrumentID] ?? []))),
                ]))
            for (scalePosition, scale) in result.scales.enumerated() {
                scales.append(
                    .object([
                        ("instrument_id", .string(result.instrumentID)), ("scale_id", .string(scale.scaleID)),
                        ("position", .integer(scalePosition)), ("score", scale.score.map { .number($0) } ?? .null),
                        ("band", scale.bandID.map { .string($0) } ?? .null), ("answered", .integer(scale.answered)),
                        ("item_count", .integer(scale.itemCount)), ("status", .string(scale.status.rawValue)),
                    ]))
            }
        }
        return JSONValue.object([
            ("level", .string(outcome.assessment.level.rawValue)),
            ("reasons", .string(outcome.assessment.reasons.map(\.code).joined(separator: "; "))),
            ("scored", .bool(outcome.isScored)), ("validity", .string(ValidityColumn.text(outcome.validity))),
            ("crisis", .bool(outcome.hasCrisis)), ("results", .array(results)), ("scales", .array(scales)),
        ]).rendered()
    }
}
