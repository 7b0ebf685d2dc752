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
    package static func draftMarker(_ language: String) -> String {
        language.hasPrefix("zh") ? "草稿：本批次尚未关闭，数字可能变化，不得发布" : "DRAFT: the wave is still open; figures may change; not for release"
    }

    package static func lines(_ stamp: ReportStamp, language: String) -> [String] {
        let zh = language.hasPrefix("zh")
        var lines = [
            (zh ? "筛查批次 " : "wave ") + stamp.wave,
            (zh ? "最小单元格 k = " : "minimum cell size k = ") + String(stamp.minimumCellSize),
            "psyscreen " + stamp.psyscreenVersion,
            (zh ? "生成时间 " : "generated ") + stamp.generatedAt,
        ]
        if let files = stamp.mergedFiles { lines.append((zh ? "合并文件数 " : "merged files ") + String(files)) }
        if stamp.draft == true { lines.insert(draftMarker(language), at: 0) }
        for instrument in stamp.instruments {
            lines.append((zh ? "量表 " : "instrument ") + "\(instrument.id) \(instrument.version) \(instrument.scoringKey)")
        }
        for policy in stamp.policies {
            lines.append((zh ? "预警规则 " : "warning policy ") + "\(policy.battery) \(policy.version) \(policy.policyKey)")
        }
        return lines
    }
}
