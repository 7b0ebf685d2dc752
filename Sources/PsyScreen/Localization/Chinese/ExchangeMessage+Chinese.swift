extension ExchangeMessage {
    package var chinese: String {
        switch self {
        case .notAnExchangeFile: "不是 psyscreen 交换文件（由 psyscreen export 生成）"
        case .cannotRead(let detail): "无法读取：\(detail)"
        case .otherFormat(let format): "不是 psyscreen 交换文件（格式为 '\(format)'）"
        case .unsupportedVersion(let version, let supported): "不支持交换文件格式版本 \(version)（本版本的 psyscreen 读取版本 \(supported)）"
        case .cannotReadFile: "无法读取这个文件"
        case .noFiles: "没有要合并的文件"
        case .otherWave(let wave, let first, let file): "筛查批次 '\(wave)' 与 \(file) 的 '\(first)' 不同"
        case .otherKeys(let file): "它的问卷或计分规则与 \(file) 不同：按不同规则计分的数字不能相加"
        case .schoolInTwoFiles(let school, let other): "学校 '\(school)' 也在 \(other) 中"
        case .unitTwice(let unit): "单位 \(unit) 出现了两次"
        case .unknownWithheld(let unit, let name): "单位 \(unit)：不认识的隐藏数字 '\(name)'"
        case .wrongLevel(let level): "交换文件只包含学校和年级两级单位，不能是 '\(level)'"
        case .unknownGroup(let group): "不认识的分组 '\(group)'"
        case .unitNeedsSchool(let level, let grade): "\(level) 单位需要学校\(grade ? "和年级" : "，不能有年级")"
        case .negativeCount(let unit): "单位 \(unit)：有负数人数"
        case .statesDoNotAddUp(let unit): "单位 \(unit)：已筛查、未完成、拒绝和未筛查人数之和不等于在籍人数"
        case .noLevelCount(let unit, let level): "单位 \(unit)：缺少预警等级 '\(level)' 的人数"
        case .levelsDoNotAddUp(let unit): "单位 \(unit)：各预警等级人数之和不等于已筛查人数"
        case .otherScales(let unit): "单位 \(unit)：计分项与文件的计分项列表不同"
        case .bandNamesDiffer(let unit, let scale): "单位 \(unit)，\(scale)：分级名称不同"
        case .histogramKey(let unit, let scale, let key): "单位 \(unit)，\(scale)：分数分布的键 '\(key)' 不是整数"
        case .badStatistics(let unit, let scale, let error): "单位 \(unit)，\(scale)：\(error.chinese)"
        case .countsDisagree(let unit, let scale): "单位 \(unit)，\(scale)：各分级人数、分数分布与人数 n 不一致"
        case .sumsDisagree(let unit, let scale): "单位 \(unit)，\(scale)：总和与分数分布不一致"
        case .alphaDoesNotFit(let unit, let scale): "单位 \(unit)，\(scale)：α 系数的汇总数据与计分项不符"
        }
    }
}
