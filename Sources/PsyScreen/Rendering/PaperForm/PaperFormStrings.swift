/// The paper form's own words in Simplified Chinese and English. Instrument and battery texts are not here: they
/// come from the XML files, as published.
struct PaperFormStrings: Sendable {
    let language: SessionLanguage

    private func pick(_ chinese: String, _ english: String) -> String {
        language == .chinese ? chinese : english
    }

    var studentID: String { pick("学号", "Student ID") }
    var name: String { pick("姓名", "Name") }
    var className: String { pick("班级", "Class") }
    var date: String { pick("日期", "Date") }
    var wave: String { pick("筛查批次", "Screening") }
    /// Written after each of the three blanks of the date (year, month, day). The date is not keyed in: any way
    /// of writing it will do.
    var dateSuffixes: [String] { language == .chinese ? ["年", "月", "日"] : ["–", "–", ""] }

    var howToAnswer: String {
        pick(
            "请在每道题右边最符合你情况的方框里打“✓”，每题只选一个。如果你不愿意参加，可以不作答，直接交回本表。",
            "For each question, tick (✓) the one box that fits you best. If you do not want to take part, leave the form blank and hand it back."
        )
    }

    var forTheCounselor: String {
        pick(
            "方框旁的数字和题号下的代码（如 phq9_1）供老师录入使用。",
            "The number beside each box and the code under each question number (such as phq9_1) are for the counselor who keys in the form."
        )
    }

    /// Over the column of item numbers.
    var number: String { pick("题号", "No.") }
    var continued: String { pick("（续）", " (continued)") }
    var crisisHeading: String { pick("如果你需要帮助", "If you need help") }
    var blankPage: String { pick("（本页空白）", "(This page is intentionally left blank.)") }

    /// One copyright line shared by the instruments titled `titles`.
    func copyright(_ text: String, of titles: [String]) -> String {
        pick("\(titles.joined(separator: "、"))：\(text)", "\(titles.joined(separator: "; ")): \(text)")
    }

    func page(_ number: Int, of total: Int) -> String {
        pick("第 \(number) 页 / 共 \(total) 页", "Page \(number) of \(total)")
    }

    /// The HTML `lang` attribute.
    var htmlLanguage: String { language.rawValue }
}
