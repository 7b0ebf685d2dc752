/// Human headings for the machine column names of psyscreen's tables (`student_id` → 学号, `phq9_3` → PHQ-9 第3题,
/// `phq9.total.band` → PHQ-9 抑郁症状总分 等级), for workbooks a counselor reads. CSV and JSON keep the machine
/// names, which programs and `import` rely on.
package struct ColumnHeadings: Sendable {
    package let language: SessionLanguage
    private let instruments: [Instrument]

    package init(language: SessionLanguage, instruments: [Instrument] = []) {
        self.language = language
        self.instruments = instruments
    }

    private var chinese: Bool { language == .chinese }

    /// The heading of `name`; an unknown name is its own heading.
    package func heading(_ name: String) -> String {
        if let fixed = Self.fixed[name] { return chinese ? fixed.0 : fixed.1 }
        for instrument in instruments {
            let short = Self.shortName(instrument)
            if name.hasPrefix(instrument.id + "_"), let item = instrument.item(String(name.dropFirst(instrument.id.count + 1))) {
                return chinese ? "\(short) 第\(item.id)题" : "\(short) item \(item.id)"
            }
            guard name.hasPrefix(instrument.id + ".") else { continue }
            let rest = name.dropFirst(instrument.id.count + 1)
            if rest == "flags" { return chinese ? "\(short) 标记" : "\(short) flags" }
            if rest == "status" { return chinese ? "\(short) 计分状态" : "\(short) scoring status" }
            let isBand = rest.hasSuffix(".band")
            if let scale = instrument.scale(String(isBand ? rest.dropLast(5) : rest)) {
                let label = "\(short) \(scale.label.text(in: language.rawValue))"
                return isBand ? label + (chinese ? " 等级" : " band") : label
            }
        }
        return name
    }

    package func headings(_ names: [String]) -> [String] { names.map(heading) }

    /// `PHQ-9` from the title "Patient Health Questionnaire (PHQ-9)", else the id in capitals.
    package static func shortName(_ instrument: Instrument) -> String {
        shortName(title: instrument.title.text(in: "en"), id: instrument.id)
    }

    /// The abbreviation in parentheses at the end of `title`, else `id` in capitals.
    package static func shortName(title: String, id: String) -> String {
        if let open = title.lastIndex(of: "("), let close = title.lastIndex(of: ")"), open < close {
            let inside = title[title.index(after: open)..<close]
            if !inside.isEmpty && inside.count <= 12 { return String(inside) }
        }
        return id.uppercased()
    }

    private static let fixed: [String: (String, String)] = [
        "student_id": ("学号", "Student ID"), "name": ("姓名", "Name"), "school": ("学校", "School"), "grade": ("年级", "Grade"),
        "class": ("班级", "Class"), "dorm": ("宿舍", "Dorm"), "gender": ("性别", "Gender"), "major": ("专业", "Major"),
        "campus": ("校区", "Campus"), "birth_date": ("出生日期", "Date of birth"), "status": ("学籍状态", "Status"),
        "state": ("筛查状态", "Screening state"), "level": ("预警等级", "Warning level"), "reasons": ("原因", "Reasons"),
        "reason": ("原因", "Reason"), "validity": ("有效性", "Validity"), "source": ("来源", "Source"), "time": ("时间", "Time"),
        "follow_up": ("跟进状态", "Follow-up"), "follow_up_at": ("跟进时间", "Follow-up time"), "red": ("红色", "Red"),
        "orange": ("橙色", "Orange"), "yellow": ("黄色", "Yellow"), "open": ("未结案", "Open"), "enrolled": ("在籍", "Enrolled"),
        "screened": ("已筛查", "Screened"), "coverage_percent": ("普查率 %", "Coverage %"), "partial": ("未完成", "Partial"),
        "refused": ("拒绝", "Refused"), "not_screened": ("未筛查", "Not screened"), "leave": ("休学", "On leave"),
        "internship": ("实习", "On internship"),
    ]
}
