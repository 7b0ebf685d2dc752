// The Chinese of the report's and the disclosure control's errors, whose cases and English live with them.

extension DisclosureSettingError {
    package var chinese: String {
        "最小单元格 \(requestedK) 太小：数据保护要求 k ≥ \(MinimumCellSize.floor)（默认值为 \(MinimumCellSize.standard.k)）"
    }
}

extension PseudonymError {
    package var chinese: String {
        switch self {
        case let .keyFileExists(path): "假名密钥文件 \(path) 已存在；拒绝覆盖（新密钥会切断与以往各批次的所有关联）"
        case let .keyFileMissing(path): "假名密钥文件 \(path) 不存在"
        case let .keyFileTooOpen(path, mode):
            "假名密钥文件 \(path) 的权限是 \(String(mode, radix: 8))；同组用户和其他人都不能有访问权限（请运行：chmod 600 \(path)）"
        case let .notARegularFile(path): "假名密钥文件 \(path) 不是普通文件"
        case let .wrongKeyLength(path, byteCount):
            "假名密钥\(path.map { "文件 \($0) " } ?? "")有 \(byteCount) 字节；密钥必须正好 \(PseudonymKey.byteCount) 字节"
        case let .io(path, reason): "假名密钥文件 \(path)：\(reason.chinese)"
        case .emptyStudentID: "有一个学号为空，无法为它生成假名"
        case let .historyUnreadable(path): "无法读取导出记录 \(path)"
        case let .historyDamaged(path, line): "导出记录 \(path) 的第 \(line) 行已损坏"
        }
    }
}

extension CohortReportError {
    package var chinese: String {
        switch self {
        case .unknownBreakdown(let word): "--by：不认识的分组方式 '\(word)'（可用 school、grade、class、gender、major，用逗号分隔）"
        case .inconsistentCounts(let detail): "人数对不上（\(detail.chinese)）；数据库或交换文件已损坏"
        case .emptyWave(let wave): "筛查批次 '\(wave)' 还没有筛查结果"
        case .patternDoesNotFit(let unit): "关闭筛查批次时保存的发布模式中有本批次数据里没有的单位（\(unit)）；数据库已损坏：请重新打开该批次后再关闭"
        }
    }
}

extension MergedStatisticsError {
    package var chinese: String {
        switch self {
        case let .negativeCount(count): "分数个数为负（\(count)）"
        case let .impossibleSums(count): "\(count) 个分数的总和与平方和不可能来自任何一组分数"
        }
    }
}

extension SuppressionProblemError {
    package var chinese: String {
        switch self {
        case let .negativeEnrolment(unit, enrolment): "单位 '\(unit)' 的在籍人数为负（\(enrolment)）"
        case let .negativeCount(cell, value): "单元格 '\(cell)' 的人数为负（\(value)）"
        case let .unknownUnit(cell): "单元格 '\(cell)' 指向的单位不在本问题中"
        case .unknownCell: "一个等式引用了不在本问题中的单元格"
        case let .emptyEquation(total): "'\(total)' 的等式没有组成部分"
        case let .repeatedCell(total): "'\(total)' 的等式多次使用同一个单元格"
        case let .inconsistentEquation(total, totalValue, sumOfParts): "'\(total)' 是 \(totalValue)，但各部分之和是 \(sumOfParts)"
        }
    }
}

extension ScoringError {
    package var chinese: String {
        switch reason {
        case .notAnOption(let value, let allowed):
            "\(instrumentID) 题目 \(itemID)：\(value) 不是可选答案（\(allowed.map(String.init).joined(separator: "、"))）"
        case .unknownItem: "\(instrumentID) 没有题目 '\(itemID)'"
        }
    }
}

extension KAnonymizer.Summary {
    package var chinese: String {
        "\(inputRows) 行：\(genderGeneralized) 行隐去性别，\(gradeGeneralized) 行隐去年级和性别，\(withheld) 行不予提供（班级人数少于 k）"
    }
}
