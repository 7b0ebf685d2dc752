/// The words of the human formats (table, md, html) in Simplified Chinese or English.
struct CohortReportStrings {
    let zh: Bool

    init(language: String) { zh = language.lowercased().hasPrefix("zh") }

    var language: String { zh ? "zh-Hans" : "en" }
    var title: String { zh ? "心理健康筛查统计报告" : "Mental health screening: cohort report" }
    var coverageSection: String { zh ? "普查率与预警等级" : "Coverage and warning levels" }
    var unit: String { zh ? "单位" : "Unit" }
    var enrolled: String { zh ? "在籍" : "Enrolled" }
    var screened: String { zh ? "已筛查" : "Screened" }
    var coverage: String { zh ? "普查率" : "Coverage" }
    var n: String { "n" }
    var mean: String { zh ? "均值" : "Mean" }
    var sd: String { zh ? "标准差" : "SD" }
    var median: String { zh ? "中位数" : "Median" }
    var alpha: String { "α" }
    var wholeWave: String { zh ? "全部" : "All" }
    var hiddenNote: String {
        zh
            ? "“—”表示不予公布（人数过少或可由其他数字推算），或无法计算。"
            : "“—” marks a figure that is not shown (too few students, or computable from other figures) or cannot be computed."
    }
    var percentNote: String {
        zh
            ? "百分比为占该量表有效人数之比，<5% 与 >95% 为两端的编码。"
            : "Percentages are of the scale's n; the ends are coded <5% and >95%."
    }
    var coverageChart: String { zh ? "各班普查率（目标 100%）" : "Coverage by class (target 100 %)" }
    var bandChart: String { zh ? "各年级分级分布" : "Band distribution by grade" }
    var levelChart: String { zh ? "各年级预警等级（占已筛查人数）" : "Warning levels by grade (share of those screened)" }
    var hiddenSegment: String { zh ? "不予公布" : "not shown" }
    var chartsTitle: String { zh ? "图表" : "Charts" }
    var tablesTitle: String { zh ? "统计表" : "Tables" }
    var levelLegend: String { zh ? "红/橙/黄 人数" : "red/orange/yellow counts" }
    var stampTitle: String { zh ? "报告信息" : "About this report" }

    func level(_ level: WarningLevel) -> String {
        switch level {
        case .red: zh ? "红色" : "Red"
        case .orange: zh ? "橙色" : "Orange"
        case .yellow: zh ? "黄色" : "Yellow"
        case .none: zh ? "无" : "None"
        }
    }

    func group(_ unit: CohortUnit) -> String {
        guard let attribute = unit.groupAttribute else { return "" }
        let name =
            switch attribute {
            case .gender: zh ? "性别" : "gender"
            case .major: zh ? "专业" : "major"
            }
        return "\(name)=\(unit.groupValue)"
    }

    /// `School / Grade / Class [gender=F]`, or the whole-wave word.
    func label(_ unit: CohortUnit) -> String {
        let path = [unit.school, unit.grade, unit.className].filter { !$0.isEmpty }.joined(separator: " / ")
        let name = path.isEmpty ? wholeWave : path
        return unit.isGroup ? "\(name) [\(group(unit))]" : name
    }

    func scaleTitle(_ column: CohortColumn) -> String {
        let title = CohortColumn.text(column.instrumentTitle, language)
        let scale = CohortColumn.text(column.scaleLabel, language)
        return "\(title) — \(scale)"
    }
}
