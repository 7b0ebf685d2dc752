/// The output format of `psyscreen score`.
package enum ScoredOutputFormat: String, Sendable, CaseIterable {
    case csv
    /// One JSON object per record and line: passthrough cells as strings, scores as numbers (`null` when
    /// unscored), bands and status as strings, flags as an array of ids.
    case jsonl
}
