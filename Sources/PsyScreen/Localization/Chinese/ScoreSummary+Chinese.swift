extension ScoreSummary {
    package var chinese: String {
        var text = "\(file)：\(records) 条记录（\(encoding.chinese)）：已计分 \(scored)，未计分 \(unscored)，拒收 \(rejected)"
        var details: [String] = []
        if repeatedIDs > 0 { details.append("学号重复 \(repeatedIDs)") }
        if rejectedWithCrisis > 0 { details.append("其中 \(rejectedWithCrisis) 份触发危机标记：请今天就核对纸质问卷") }
        if !details.isEmpty { text += "（" + details.joined(separator: "；") + "）" }
        text += "；触发标记 \(flagsRaised) 个"
        if blankRecords > 0 { text += "；跳过空白记录 \(blankRecords) 条" }
        if nothingWritten { text += "；没有写出任何结果（--strict）" }
        return text
    }
}
