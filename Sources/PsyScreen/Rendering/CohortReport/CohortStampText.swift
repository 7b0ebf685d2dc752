/// The stamp as lines of text, for the human formats and CSV comments.
package enum CohortStampText {
    /// Name and value pairs: `wave`, `min_cell`, `psyscreen_version`, `generated_at`, `merged_files`,
    /// `instrument:<id>` (version and scoring-key hash), `policy:<battery>`.
    package static func fields(_ stamp: ReportStamp) -> [(String, String)] {
        var fields = [
            ("wave", stamp.wave), ("min_cell", String(stamp.minimumCellSize)),
            ("psyscreen_version", stamp.psyscreenVersion), ("generated_at", stamp.generatedAt),
        ]
        if let files = stamp.mergedFiles { fields.append(("merged_files", String(files))) }
        if stamp.draft == true { fields.insert(("draft", "true"), at: 0) }
        for instrument in stamp.instruments {
            fields.append(("instrument:\(instrument.id)", "\(instrument.version) \(instrument.scoringKey)"))
        }
        for policy in stamp.policies {
            fields.append(("policy:\(policy.battery)", "\(policy.version) \(policy.policyKey)"))
        }
        return fields
    }

    /// The line every page of a draft carries.
    package static func draftMarker(_ language: Language) -> String { ReportMessage.draftMarker.text(in: language) }

    package static func lines(_ stamp: ReportStamp, language: Language) -> [String] {
        var messages: [ReportMessage] = [.stampWave(stamp.wave), .stampMinimumCell(stamp.minimumCellSize)]
        var lines = messages.map { $0.text(in: language) } + ["psyscreen " + stamp.psyscreenVersion]
        if stamp.draft == true { lines.insert(draftMarker(language), at: 0) }
        messages = [.stampGenerated(stamp.generatedAt)]
        if let files = stamp.mergedFiles { messages.append(.stampMergedFiles(files)) }
        for instrument in stamp.instruments {
            messages.append(.stampInstrument("\(instrument.id) \(instrument.version) \(instrument.scoringKey)"))
        }
        for policy in stamp.policies { messages.append(.stampPolicy("\(policy.battery) \(policy.version) \(policy.policyKey)")) }
        lines += messages.map { $0.text(in: language) }
        return lines
    }
}
