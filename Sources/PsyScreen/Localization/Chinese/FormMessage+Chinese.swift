extension FormMessage {
    package var chinese: String {
        switch self {
        case .studentID: "学号"
        case .name: "姓名"
        case .className: "班级"
        case .date: "日期"
        case .wave: "筛查批次"
        case .dateSuffix(let index): ["年", "月", "日"][min(index, 2)]
        case .howToAnswer: "请在每道题右边最符合你情况的方框里打“✓”，每题只选一个。如果你不愿意参加，可以不作答，直接交回本表。"
        case .forTheCounselor: "方框旁的数字和题号下的代码（如 phq9_1）供老师录入使用。"
        case .number: "题号"
        case .continued: "（续）"
        case .crisisHeading: "如果你需要帮助"
        case .blankPage: "（本页空白）"
        case .copyright(let text, let titles): "\(titles.joined(separator: "、"))：\(text)"
        case .page(let number, let total): "第 \(number) 页 / 共 \(total) 页"
        }
    }
}
