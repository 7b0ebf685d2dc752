/// `--format json`: the same figures as the CSV, nested: stamp, scales, then units with their statistics.
/// Every value not shown is `null`, whatever the reason.
public enum CohortReportJSON {
    public static let formatName = "psyscreen-cohort-report"
    public static let formatVersion = 1

    public static func render(_ report: CohortReport) -> String {
        document(report).rendered()
    }

    public static func document(_ report: CohortReport) -> JSONText {
        let stamp = report.stamp
        var stampMembers: [(String, JSONText)] = [
            ("wave", .string(stamp.wave)), ("min_cell", .int(stamp.minimumCellSize)),
            ("psyscreen_version", .string(stamp.psyscreenVersion)), ("generated_at", .string(stamp.generatedAt)),
            ("instruments", .array(stamp.instruments.map {
                .object([("id", .string($0.id)), ("version", .string($0.version)), ("scoring_key", .string($0.scoringKey))])
            })),
            ("policies", .array(stamp.policies.map {
                .object([("battery", .string($0.battery)), ("version", .string($0.version)),
                         ("policy_key", .string($0.policyKey))])
            })),
        ]
        if let files = stamp.mergedFiles { stampMembers.append(("merged_files", .int(files))) }
        let scales = report.columns.map { column in
            JSONText.object([
                ("instrument", .string(column.instrumentID)), ("version", .string(column.instrumentVersion)),
                ("scale", .string(column.scaleID)), ("bands", .array(column.bands.map { .string($0.id) })),
            ])
        }
        let units = report.units.map { unit(unit: $0, columns: report.columns) }
        return .object([
            ("format", .string(formatName)), ("format_version", .int(formatVersion)),
            ("stamp", .object(stampMembers)), ("scales", .array(scales)), ("units", .array(units)),
        ])
    }

    private static func unit(unit: CohortReport.Unit, columns: [CohortColumn]) -> JSONText {
        let key = unit.unit
        var levels: [(String, JSONText)] = []
        for (level, count) in zip(CohortCell.publishedLevels, unit.levels) { levels.append((level.rawValue, .count(count))) }
        var scales: [(String, JSONText)] = []
        for (column, scale) in zip(columns, unit.scales) {
            var bands: [(String, JSONText)] = []
            for (index, band) in column.bands.enumerated() {
                let percent = scale.bandPercents[index]
                bands.append((band.id, .object([
                    ("count", .count(scale.bands[index])),
                    ("percent", percent == DisclosureFormat.hiddenMarker ? .null : .string(percent)),
                ])))
            }
            scales.append((column.name, .object([
                ("n", .count(scale.n)), ("mean", .number(scale.mean)), ("sd", .number(scale.sd)),
                ("median", .number(scale.median)), ("alpha", .number(scale.alpha)), ("bands", .object(bands)),
            ])))
        }
        return .object([
            ("level", .string(key.level.rawValue)), ("school", .string(key.school)), ("grade", .string(key.grade)),
            ("class", .string(key.className)), ("group", .string(key.group)),
            ("enrolled", .int(unit.enrolled)), ("screened", .count(unit.screened)),
            ("coverage_percent", .number(unit.coveragePercent)), ("levels", .object(levels)),
            ("scales", .object(scales)),
        ])
    }
}
