/// The words of psyscreen's workbooks (sheet names, the data-entry instructions) in Simplified Chinese and English.
/// Column headings are in ``ColumnHeadings``; instrument texts come from their XML files, as published.
package struct WorkbookStrings: Sendable {
    package let language: SessionLanguage

    package init(language: SessionLanguage) { self.language = language }

    private func pick(_ chinese: String, _ english: String) -> String {
        language == .chinese ? chinese : english
    }

    package var resultsSheet: String { pick("结果", "Results") }
    package var registerSheet: String { pick("预警名册", "Warning register") }
    package var rollupSheet: String { pick("各级汇总", "Counts by unit") }
    package var unscreenedSheet: String { pick("未筛查名单", "Not yet screened") }
    package var coverageSheet: String { pick("普查率", "Coverage") }
    package var entrySheet: String { pick("录入", "Entry") }
    package var instructionsSheet: String { pick("说明", "Instructions") }
    /// The roll-up's `level` column is the unit's level (class, grade, school), not a warning level.
    package var unitLevel: String { pick("层级", "Unit level") }

    // The instructions sheet of the data-entry workbook.
    package var columnHeading: String { pick("列", "Column") }
    package var meaningHeading: String { pick("内容", "What it holds") }
    package var valuesHeading: String { pick("可填的值", "Values") }

    package func title(battery: String, instruments: [String]) -> String {
        pick("心理健康筛查纸质问卷录入表：\(battery)（\(instruments.joined(separator: "、"))）",
             "Data entry for paper screening forms: \(battery) (\(instruments.joined(separator: ", ")))")
    }

    package var oneRowPerForm: String {
        pick("“\(entrySheet)”表每行录入一份问卷。第一行是列名，请勿修改。",
             "Key one paper form per row of the “\(entrySheet)” sheet. The first row holds the column names: do not change it.")
    }

    package var idAsText: String {
        pick("学号列是文本格式，前导零会保留（如 000123）。",
             "The student ID column is text, so leading zeros stay (000123).")
    }

    package var itemsFromList: String {
        pick("题目列只接受该题的选项值（见下表），输入其他值时 Excel/WPS 会拒绝。学生未作答的题请留空。",
             "Item columns accept only the item's option values (listed below); Excel and WPS refuse anything else as you type. Leave an unanswered item blank.")
    }

    /// `selection`: what `score` and `import` are told to score (`--battery annual`).
    package func whenDone(selection: String) -> String {
        pick("录入完成后保存为 .xlsx，然后运行：psyscreen import --wave 批次 \(selection) 本文件.xlsx（或 psyscreen score \(selection) 本文件.xlsx）。",
             "When done, save as .xlsx and run: psyscreen import --wave WAVE \(selection) THIS-FILE.xlsx (or psyscreen score \(selection) THIS-FILE.xlsx).")
    }

    package func prefilled(count: Int, wave: String) -> String {
        pick("已按名册顺序填好 \(count) 名在籍学生的学号、姓名和班级（筛查批次 \(wave)），只需录入答案。本文件含学生姓名，仅限心理教师保管使用。",
             "The IDs, names and classes of \(count) enrolled students are filled in, in roster order (wave \(wave)): key the answers only. This file names students: keep it to the counselors.")
    }

    package var studentIDMeaning: String { pick("学号（必填）", "Student ID (required)") }
    package var nameMeaning: String { pick("姓名（不参与计分）", "Name (not used for scoring)") }
    package var classMeaning: String { pick("班级（不参与计分）", "Class (not used for scoring)") }

    package func item(_ short: String, _ number: String, _ text: String) -> String {
        pick("\(short) 第\(number)题：\(text)", "\(short) item \(number): \(text)")
    }

    package func option(_ value: Int, _ label: String) -> String { "\(value) \(label)" }
    package var optionSeparator: String { pick("；", "; ") }

    package var notAnOptionTitle: String { pick("不是选项", "Not an option") }
    package func notAnOption(_ values: [String]) -> String {
        pick("请输入以下值之一：\(values.joined(separator: "、"))；未作答请留空。",
             "Enter one of \(values.joined(separator: ", ")), or leave it blank if unanswered.")
    }
}
