/// `--format json`: the same figures as the CSV, nested: stamp, scales, then units with their statistics.
/// Every value not shown is `null`, whatever the reason.
package enum CohortReportJSON {
    package static let formatName = "psyscreen-cohort-report"
    package static let formatVersion = 1

    package static func render(_ report: CohortReport) -> String {
        document(report).rendered()
    }

    package static func document(_ report: CohortReport) -> JSONValue {
        let stamp = report.stamp
        var stampMembers: [(String, JSONValue)] = [
            ("wave", .string(stamp.wave)), ("min_cell", .integer(stamp.minimumCellSize)),
            ("psyscreen_version", .string(stamp.psyscreenVersion)), ("generated_at", .string(stamp.generatedAt)),
            (
                "instruments",
                .array(
                    stamp.instruments.map {
                        .object([
                            ("id", .string($0.id)), ("version", .string($0.version)), ("scoring_key", .string($0.scoringKey)),
                        ])
                    })
            ),
            (
                "policies",
                .array(
                    stamp.policies.map {
                        .object([
                            ("battery", .string($0.battery)), ("version", .string($0.version)),
                            ("policy_key", .string($0.policyKey)),
                        ])
                    })
            ),
        ]
        if let files = stamp.mergedFiles { stampMembers.append(("merged_files", .integer(files))) }
        if stamp.draft == true { stampMembers.append(("draft", .bool(true))) }
        let scales = report.columns.map { column in
            JSONValue.object([
                ("instrument", .string(column.instrumentID)), ("version", .string(column.instrumentVersion)),
                ("scale", .string(column.scaleID)), ("bands", .array(column.bands.map { .string($0.id) })),
            ])
        }
        let units = report.units.map { unit(unit: $0, columns: report.columns) }
        return .object([
            ("format", .string(formatName)), ("format_version", .integer(formatVersion)),
            ("stamp", .object(stampMembers)), ("scales", .array(scales)), ("units", .array(units)),
        ])
    }

    private static func unit(unit: CohortReport.Unit, columns: [CohortColumn]) -> JSONValue {
        let key = unit.unit
        var levels: [(String, JSONValue)] = []
        for (level, count) in zip(CohortCell.publishedLevels, unit.levels) {
            levels.append((level.rawValue, .countOrNull(count)))
        }
        var scales: [(String, JSONValue)] = []
        for (column, scale) in zip(columns, unit.scales) {
            var bands: [(String, JSONValue)] = []
            for (index, band) in column.bands.enumerated() {
                let percent = scale.bandPercents[index]
                bands.append(
                    (
                        band.id,
                        .object([
                            ("count", .countOrNull(scale.bands[index])),
                            ("percent", percent == DisclosureFormat.hiddenMarker ? .null : .string(percent)),
                        ])
                    ))
            }
            scales.append(
                (
                    column.name,
                    .object([
                        ("n", .countOrNull(scale.n)), ("mean", .numberOrNull(scale.mean)), ("sd", .numberOrNull(scale.sd)),
                        ("median", .numberOrNull(scale.median)), ("alpha", .numberOrNull(scale.alpha)), ("bands", .object(bands)),
                    ])
                ))
        }
        return .object([
            ("level", .string(key.level.rawValue)), ("school", .string(key.school)), ("grade", .string(key.grade)),
            ("class", .string(key.className)), ("group", .string(key.group)),
            ("enrolled", .integer(unit.enrolled)), ("screened", .countOrNull(unit.screened)),
            ("coverage_percent", .numberOrNull(unit.coveragePercent)), ("levels", .object(levels)),
            ("scales", .object(scales)),
        ])
    }
}

extension JSONValue {
    /// A count, or `null` when hidden.
    static func countOrNull(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }
    /// A number, or `null` when hidden or not computable.
    static func numberOrNull(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
}
