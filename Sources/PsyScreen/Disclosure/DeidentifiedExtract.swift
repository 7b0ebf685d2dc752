/// One student of a de-identified research extract: a pseudonym instead of the ID, only school, grade and
/// gender as attributes, and the student's scores, bands and warning level. No name, ID or birth date.
package struct DeidentifiedRow: Hashable, Sendable {
    package var pseudonym: String
    package var identifiers: QuasiIdentifiers
    /// Per column (``CohortColumn``): the score as written in files, empty when unscored.
    package var scores: [String]
    /// Per column: the band id, empty for none.
    package var bands: [String]
    package var level: WarningLevel

    package init(pseudonym: String, identifiers: QuasiIdentifiers, scores: [String], bands: [String], level: WarningLevel) {
        self.pseudonym = pseudonym
        self.identifiers = identifiers
        self.scores = scores
        self.bands = bands
        self.level = level
    }
}

/// The de-identified extract: rows made k-anonymous on (school, grade, gender), written as CSV.
package enum DeidentifiedExtract {
    /// k-anonymizes `rows` and writes them: `pseudonym,school,grade,gender`, then per scale the score and band,
    /// then `level`. Generalized attributes are `*`.
    ///
    /// Rows come out in pseudonym order: an HMAC under a secret key, so the order says nothing about student
    /// IDs, classes or when anyone was screened. `history` (earlier extracts under the same key) keeps the
    /// extract k-anonymous when joined with them; the rows returned are what this extract published, for the
    /// caller to add to the history.
    package static func render(
        _ rows: [DeidentifiedRow], columns: [CohortColumn], threshold: MinimumCellSize,
        history: ExtractHistory = ExtractHistory()
    ) -> (csv: String, summary: KAnonymizer.Summary, published: [DeidentifiedRow]) {
        var rows = rows
        for index in rows.indices { rows[index].identifiers.history = history.history(of: rows[index].pseudonym) }
        var anonymized = KAnonymizer(threshold: threshold).anonymize(rows, identifiers: \.identifiers)
        anonymized.rows.sort { $0.pseudonym < $1.pseudonym }
        var header = ["pseudonym", "school", "grade", "gender"]
        for column in columns { header += [column.name, "\(column.name).band"] }
        header.append("level")
        var out = header.map(CohortReportCSV.field).joined(separator: ",") + "\n"
        for row in anonymized.rows {
            var fields =
                [row.pseudonym]
                + [row.identifiers.school, row.identifiers.grade, row.identifiers.gender]
                .map(CohortReportCSV.typedText)
            for (score, band) in zip(row.scores, row.bands) { fields += [score, band] }
            fields.append(row.level.rawValue)
            out += fields.map(CohortReportCSV.field).joined(separator: ",") + "\n"
        }
        return (out, anonymized.summary, anonymized.rows)
    }
}
