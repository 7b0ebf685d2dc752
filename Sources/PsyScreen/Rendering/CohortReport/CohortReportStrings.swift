/// The words of the human formats (table, md, html) in the chosen language, from the catalogue
/// (``ReportMessage``), and how units and scales are labelled with them.
struct CohortReportStrings {
    let language: Language

    init(language: Language) { self.language = language }

    private func say(_ message: ReportMessage) -> String { message.text(in: language) }

    var tag: String { language.tag }
    var title: String { say(.title) }
    var coverageSection: String { say(.coverageSection) }
    var unit: String { say(.unit) }
    var enrolled: String { say(.enrolled) }
    var screened: String { say(.screened) }
    var coverage: String { say(.coverage) }
    var n: String { say(.n) }
    var mean: String { say(.mean) }
    var sd: String { say(.sd) }
    var median: String { say(.median) }
    var alpha: String { say(.alpha) }
    var wholeWave: String { say(.wholeWave) }
    var hiddenNote: String { say(.hiddenNote) }
    var percentNote: String { say(.percentNote) }
    var coverageChart: String { say(.coverageChart) }
    var coverageTarget: String { say(.coverageTarget) }
    var bandChart: String { say(.bandChart) }
    var levelChart: String { say(.levelChart) }
    var hiddenSegment: String { say(.hiddenSegment) }
    var chartsTitle: String { say(.chartsTitle) }
    var tablesTitle: String { say(.tablesTitle) }
    var levelLegend: String { say(.levelLegend) }
    var stampTitle: String { say(.stampTitle) }

    func level(_ level: WarningLevel) -> String { say(.level(level)) }

    func group(_ unit: CohortUnit) -> String {
        guard let attribute = unit.groupAttribute else { return "" }
        return "\(say(.group(attribute)))=\(unit.groupValue)"
    }

    /// `School / Grade / Class [gender=F]`, or the whole-wave word.
    func label(_ unit: CohortUnit) -> String {
        let path = [unit.school, unit.grade, unit.className].filter { !$0.isEmpty }.joined(separator: " / ")
        let name = path.isEmpty ? wholeWave : path
        return unit.isGroup ? "\(name) [\(group(unit))]" : name
    }

    func scaleTitle(_ column: CohortColumn) -> String {
        let title = CohortColumn.text(column.instrumentTitle, tag)
        let scale = CohortColumn.text(column.scaleLabel, tag)
        return "\(title) — \(scale)"
    }
}
