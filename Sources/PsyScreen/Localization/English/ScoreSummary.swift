/// The closing line of `score`.
package struct ScoreSummary: Hashable, Sendable, Message {
    package var file: String
    package var records: Int
    package var encoding: LocalizedText
    package var scored: Int
    package var unscored: Int
    package var rejected: Int
    package var repeatedIDs: Int
    package var rejectedWithCrisis: Int
    package var flagsRaised: Int
    package var blankRecords: Int
    /// `--strict` with rejected records: nothing was written.
    package var nothingWritten: Bool

    package init(
        file: String, records: Int, encoding: LocalizedText, scored: Int, unscored: Int, rejected: Int, repeatedIDs: Int,
        rejectedWithCrisis: Int, flagsRaised: Int, blankRecords: Int, nothingWritten: Bool
    ) {
        self.file = file
        self.records = records
        self.encoding = encoding
        self.scored = scored
        self.unscored = unscored
        self.rejected = rejected
        self.repeatedIDs = repeatedIDs
        self.rejectedWithCrisis = rejectedWithCrisis
        self.flagsRaised = flagsRaised
        self.blankRecords = blankRecords
        self.nothingWritten = nothingWritten
    }

    package var english: String {
        var text =
            "\(file): \(records) records (\(encoding.english)): \(scored) scored, \(unscored) unscored, \(rejected) rejected"
        var details: [String] = []
        if repeatedIDs > 0 { details.append("\(repeatedIDs) repeated student_id") }
        if rejectedWithCrisis > 0 {
            details.append(
                "\(rejectedWithCrisis) raising a crisis flag: check \(rejectedWithCrisis == 1 ? "its paper form" : "their paper forms") today"
            )
        }
        if !details.isEmpty { text += " (" + details.joined(separator: "; ") + ")" }
        text += "; \(flagsRaised) flag\(flagsRaised == 1 ? "" : "s") raised"
        if blankRecords > 0 { text += "; \(blankRecords) blank record\(blankRecords == 1 ? "" : "s") skipped" }
        if nothingWritten { text += "; nothing written (--strict)" }
        return text
    }
}
