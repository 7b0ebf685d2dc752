/// The `answers` column of `instrument_result`: an instrument's answers of one attempt in item order, as text
/// (`0,1,,3`: a blank for a missing or skipped item). A copy of the `answer` rows kept in the same transaction,
/// so that a cohort report reads one short value per instrument instead of one row per item (a district's
/// million sittings are 16 million answer rows).
package enum AnswerColumn {
    package static func text(_ values: [Int?]) -> String {
        values.map { $0.map(String.init) ?? "" }.joined(separator: ",")
    }
}
