/// The closing line of `import`.
package struct ImportSummary: Hashable, Sendable, Message {
    package var file: String
    package var records: Int
    package var encoding: LocalizedText
    package var stored: Int
    package var wave: String
    /// Stored sheets at red, orange and yellow.
    package var levels: [Int]
    package var rejected: Int
    package var notOnRoster: Int
    package var blankRecords: Int
    /// Sheets not stored (rejected, or not on the roster) whose answers raise a crisis flag.
    package var unstoredCrisis: Int

    package init(
        file: String, records: Int, encoding: LocalizedText, stored: Int, wave: String, levels: [Int], rejected: Int,
        notOnRoster: Int, blankRecords: Int, unstoredCrisis: Int
    ) {
        self.file = file
        self.records = records
        self.encoding = encoding
        self.stored = stored
        self.wave = wave
        self.levels = levels
        self.rejected = rejected
        self.notOnRoster = notOnRoster
        self.blankRecords = blankRecords
        self.unstoredCrisis = unstoredCrisis
    }

    package var english: String {
        let counts = zip(["red", "orange", "yellow"], levels).map { "\($0) \($1)" }.joined(separator: ", ")
        var line =
            "\(file): \(records) records (\(encoding.english)); \(stored) stored in wave \(wave) (\(counts)); \(rejected) rejected; \(notOnRoster) not on the roster"
        if blankRecords > 0 { line += "; \(blankRecords) blank record\(blankRecords == 1 ? "" : "s") skipped" }
        if unstoredCrisis > 0 {
            let one = unstoredCrisis == 1
            line +=
                "; \(unstoredCrisis) sheet\(one ? "" : "s") not stored raise\(one ? "s" : "") a crisis flag: check \(one ? "its paper form" : "their paper forms") today"
        }
        return line
    }
}
