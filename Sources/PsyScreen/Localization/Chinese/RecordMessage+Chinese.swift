extension RecordMessage {
    package var chinese: String {
        switch self {
        case .recordTooLong(let size): "从这里开始的一条记录超过 \(size)；是不是有引号没有闭合？"
        case .invalidUTF8(let truncated):
            (truncated ? "文件在一个 UTF-8 字符中间结束" : "不是有效的 UTF-8 编码") + "；如果文件是 GB18030 编码，请加 --encoding gb18030"
        case .invalidGB18030(let detected):
            "不是有效的 GB18030 编码" + (detected ? "（根据第一段非 UTF-8 文字判断；如需按 UTF-8 读取，请加 --encoding utf8）" : "")
        case .truncatedGB18030: "文件在一个 GB18030 字符中间结束"
        case .utf16: "文件是 UTF-16 编码（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或“CSV”后再试"
        case .quoteNeverClosed(let field): "第 \(field) 个字段的引号始终没有闭合（文件余下的内容都会被读成这个字段）"
        case .emptyFile: "文件是空的：第一行应是列名"
        case .needsStudentID: "文件需要有 student_id（学号）列"
        case .headerQuoteNotClosed(let column): "列名行第 \(column) 列的引号在本行没有闭合（下面的数据行会被当成列名）；请删除多余的引号"
        case .repeatedColumn(let column, let name, let first): "第 \(column) 列 '\(name)' 与第 \(first) 列重复"
        case .noSuchItem(let column, let name, let instrument, let item, let first, let last):
            "第 \(column) 列 '\(name)'：\(instrument) 没有题目 '\(item)'（它的题目是 \(first)–\(last)）"
        case .missingItemColumns(let names): "缺少题目列：\(names.joined(separator: "、"))"
        case .scoreColumnName(let column, let name): "第 \(column) 列 '\(name)' 与 score 写出的分数列同名；请改名或删除"
        case .tooManyFlags(let instrument, let count, let maximum): "\(instrument) 有 \(count) 个标记，批量计分最多支持 \(maximum) 个"
        case .tooManySums(let instrument, let scale): "\(instrument) 计分项 \(scale)：可能的总分组合太多，无法批量计分"
        case .emptyRoster: "名单是空的（没有列名行）"
        case .rosterLacksColumns(let names):
            "名单缺少列：\(names.joined(separator: "、"))（必需：student_id 学号、name 姓名、school 学校、grade 年级、class 班级、gender 性别、status 学籍状态）"
        case .wrongFieldCount(let expected, let found): "应有 \(expected) 个字段，实际有 \(found) 个"
        case .notAnOption(let options): "不是可选答案（\(options.map(String.init).joined(separator: "、"))）"
        case .notANumber: "不是数字"
        case .crisisOnRejectedRecord(let flag): "这条未被采用的记录触发了危机标记 \(flag)：请核对纸质问卷，今天就约见这名学生"
        case .repeatsStudentID(let line, let crisis, _):
            "与第 \(line) 行的学号重复" + (crisis ? "；这份问卷触发了危机标记：请与第 \(line) 行对照，今天就约见这名学生" : "")
        case .controlCharacterInID(let codePoint): "含有控制字符 \(codePoint)，学号中不会有这种字符"
        case .controlCharacter(let codePoint): "含有控制字符 \(codePoint)"
        case .emptyStudentID: "为空：每条记录都需要学号"
        case .empty: "为空"
        case .notAStatus: "不是学籍状态（在籍 enrolled、休学 leave、实习 internship、退学 withdrawn）"
        case .alreadyOnLine(let line, _): "已在第 \(line) 行出现"
        case .notOnRoster(let crisis):
            "不在学生名单上：未保存" + (crisis ? "；这份问卷触发了危机标记：请找到这名学生，今天就约见" : "")
        case .located(let line, let column, let value, let reason):
            "第 \(line) 行" + (column.map { " \(InputExcerpt.quote($0)) 列" } ?? "") + "："
                + (value.map { "'\($0)' " } ?? "") + reason.chinese
        }
    }
}
