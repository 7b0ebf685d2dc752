extension ImportSummary {
    package var chinese: String {
        let counts = zip([WarningLevel.red, .orange, .yellow], levels).map { "\(Term.level($0).chinese) \($1)" }.joined(
            separator: "，")
        var line =
            "\(file)：\(records) 条记录（\(encoding.chinese)）；\(stored) 份已保存到筛查批次 \(wave)（\(counts)）；拒收 \(rejected)；不在名单上 \(notOnRoster)"
        if blankRecords > 0 { line += "；跳过空白记录 \(blankRecords) 条" }
        if unstoredCrisis > 0 { line += "；\(unstoredCrisis) 份未保存的问卷触发了危机标记：请今天就核对纸质问卷" }
        return line
    }
}
