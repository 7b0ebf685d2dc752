extension WorkbookText {
    package var chinese: String {
        switch self {
        case .resultsSheet: "结果"
        case .registerSheet: "预警名册"
        case .rollupSheet: "各级汇总"
        case .unscreenedSheet: "未筛查名单"
        case .coverageSheet: "普查率"
        case .entrySheet: "录入"
        case .instructionsSheet: "说明"
        case .columnHeading: "列"
        case .meaningHeading: "内容"
        case .valuesHeading: "可填的值"
        case .title(let battery, let instruments): "心理健康筛查纸质问卷录入表：\(battery)（\(instruments.joined(separator: "、"))）"
        case .oneRowPerForm: "“\(Self.entrySheet.chinese)”表每行录入一份问卷。第一行是列名，请勿修改。"
        case .idAsText: "学号列是文本格式，前导零会保留（如 000123）。"
        case .itemsFromList: "题目列只接受该题的选项值（见下表），输入其他值时 Excel/WPS 会拒绝。学生未作答的题请留空。"
        case .whenDone(let selection):
            "录入完成后保存为 .xlsx，然后运行：psyscreen import --wave 批次 \(selection) 本文件.xlsx（或 psyscreen score \(selection) 本文件.xlsx）。"
        case .prefilled(let count, let wave):
            "已按名册顺序填好 \(count) 名在籍学生的学号、姓名和班级（筛查批次 \(wave)），只需录入答案。本文件含学生姓名，仅限心理教师保管使用。"
        case .studentIDMeaning: "学号（必填）"
        case .nameMeaning: "姓名（不参与计分）"
        case .classMeaning: "班级（不参与计分）"
        case .item(let short, let number, let text): "\(short) 第\(number)题：\(text)"
        case .optionSeparator: "；"
        case .notAnOptionTitle: "不是选项"
        case .notAnOption(let values): "请输入以下值之一：\(values.joined(separator: "、"))；未作答请留空。"
        }
    }
}
