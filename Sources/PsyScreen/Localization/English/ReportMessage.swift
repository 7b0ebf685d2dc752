/// The words of the anonymized report's human formats (table, md, html): titles, column heads, notes, the stamp.
package enum ReportMessage: Message, Hashable {
    case title
    case coverageSection
    case unit
    case enrolled
    case screened
    case coverage
    case n
    case mean
    case sd
    case median
    case alpha
    case wholeWave
    case hiddenNote
    case percentNote
    case coverageChart
    case coverageTarget
    case bandChart
    case levelChart
    case hiddenSegment
    case chartsTitle
    case tablesTitle
    case levelLegend
    case stampTitle
    case draftMarker
    case level(WarningLevel)
    case group(CohortUnit.GroupAttribute)
    case stampWave(String)
    case stampMinimumCell(Int)
    case stampGenerated(String)
    case stampMergedFiles(Int)
    case stampInstrument(String)
    case stampPolicy(String)

    package var english: String {
        switch self {
        case .title: "Mental health screening: cohort report"
        case .coverageSection: "Coverage and warning levels"
        case .unit: "Unit"
        case .enrolled: "Enrolled"
        case .screened: "Screened"
        case .coverage: "Coverage"
        case .n: "n"
        case .mean: "Mean"
        case .sd: "SD"
        case .median: "Median"
        case .alpha: "α"
        case .wholeWave: "All"
        case .hiddenNote:
            "“—” marks a figure that is not shown (too few students, or computable from other figures) or cannot be computed."
        case .percentNote: "Percentages are of the scale's n; the ends are coded <5% and >95%."
        case .coverageChart: "Coverage by class (target 100 %)"
        case .coverageTarget: "target 100%"
        case .bandChart: "Band distribution by grade"
        case .levelChart: "Warning levels by grade (share of those screened)"
        case .hiddenSegment: "not shown"
        case .chartsTitle: "Charts"
        case .tablesTitle: "Tables"
        case .levelLegend: "red/orange/yellow counts"
        case .stampTitle: "About this report"
        case .draftMarker: "DRAFT: the wave is still open; figures may change; not for release"
        case .level(.red): "Red"
        case .level(.orange): "Orange"
        case .level(.yellow): "Yellow"
        case .level(.none): "None"
        case .group(.gender): "gender"
        case .group(.major): "major"
        case .stampWave(let wave): "wave \(wave)"
        case .stampMinimumCell(let k): "minimum cell size k = \(k)"
        case .stampGenerated(let time): "generated \(time)"
        case .stampMergedFiles(let count): "merged files \(count)"
        case .stampInstrument(let text): "instrument \(text)"
        case .stampPolicy(let text): "warning policy \(text)"
        }
    }
}
