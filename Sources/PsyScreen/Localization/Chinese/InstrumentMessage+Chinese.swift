extension InstrumentMessage {
    package var chinese: String {
        switch self {
        case .notWholeNumber(let what, let low, let high, let value): "\(what.chinese)必须是 \(low) 到 \(high) 之间的整数，不能是 '\(value)'"
        case .notDecimal(let what, let low, let high, let value): "\(what.chinese)必须是 \(low) 到 \(high) 之间的数，不能是 '\(value)'"
        case .tooManyFractionDigits(let what, let digits, let value): "\(what.chinese)的小数超过 \(digits) 位（'\(value)'）"
        case .tooManyItems(let limit, let count): "一份问卷最多 \(limit) 题（这份有 \(count) 题）"
        case .tooManyScales(let limit, let count): "一份问卷最多 \(limit) 个计分项（这份有 \(count) 个）"
        case .tooManyBands(let scale, let limit, let count): "计分项 '\(scale)' 的分级超过 \(limit) 个（\(count) 个）"
        case .scoreTooLarge(let scale, let largest, let decimals, let limit):
            "计分项 '\(scale)' 的分数可达 \(largest)，保留 \(decimals) 位小数：太大（分数 × 10^小数位 必须在 ±\(limit) 以内）"
        case .documentEmpty: "文件是空的"
        case .noRootElement: "文件没有根元素"
        case .documentUnreadable: "无法读取这个文件"
        case .notWellFormed: "文件不是格式正确的 XML"
        case .doctypeNotAllowed: "psyscreen 文件不允许使用 DOCTYPE（不允许 DTD 和实体）"
        case .nestedTooDeeply: "元素嵌套太深（超过 256 层）"
        case .cannotReadSchema(let system): "无法读取 XSD 格式定义：\(system.chinese)"
        case .cannotOpenSchema: "无法打开 XSD 格式定义"
        case .schemaDoesNotCompile: "XSD 格式定义无法编译"
        case .cannotCreateValidationContext: "无法创建 XSD 校验环境"
        case .unexpectedRoot(let name): "根元素应为 <instrument> 或 <battery>，实际是 <\(name)>"
        case .twoTranslations(let what, let language): "\(what.chinese)有两个 '\(language)' 译文"
        case .missingTranslation(let what, let language): "\(what.chinese)缺少 '\(language)' 译文（本文件的其他文字都有）"
        case .duplicateID(let kind, let id, let line): "\(kind.chinese) id '\(id)' 重复（第一次定义在第 \(line) 行）"
        case .responseSetValueTwice(let set, let value, let line): "选项组 '\(set)' 中的值 \(value) 出现了两次（第一次在第 \(line) 行）"
        case .unknownResponseSet(let item, let set): "题目 '\(item)' 使用了不存在的选项组 '\(set)'"
        case .flagNeedsCondition(let flag): "标记 '\(flag)' 需要条件：min、max 或两者"
        case .flagUnknownItem(let flag, let item): "标记 '\(flag)' 引用了不存在的题目 '\(item)'"
        case .flagNeverRaised(let flag, let item): "标记 '\(flag)' 永远不会触发：题目 '\(item)' 没有任何选项落在它的范围内"
        case .straightLiningUnknownScale(let scale): "规律作答检查引用了不存在的计分项 '\(scale)'"
        case .straightLiningNeedsReversedItems(let scale): "规律作答检查需要含反向计分题的计分项，计分项 '\(scale)' 没有"
        case .reservedScaleID(let id): "计分项 id '\(id)' 是保留字（它是输出列名）"
        case .scaleItemTwice(let scale, let item): "计分项 '\(scale)' 两次列出题目 '\(item)'"
        case .scaleUnknownItem(let scale, let item): "计分项 '\(scale)' 引用了不存在的题目 '\(item)'"
        case .scaleTooFewItems(let scale, let minimum, let count): "计分项 '\(scale)' 要求至少答 \(minimum) 题，但只有 \(count) 题"
        case .scaleMissingWithoutProrating(let scale, let minimum, let count):
            "计分项 '\(scale)' 允许缺答（\(count) 题中至少答 \(minimum) 题）却不按比例折算：题数不同的简单求和不可比较"
        case .prorateOnMean(let scale): "计分项 '\(scale)'：按比例折算（prorate）只适用于求和计分（均值不需要）"
        case .decimalsOnSum(let scale): "计分项 '\(scale)'：小数位（decimals）只适用于均值计分（求和都是整数）"
        case .derivedUnknownBase(let scale, let base): "派生计分项 '\(scale)' 基于不存在的计分项 '\(base)'（必须先在上方定义）"
        case .derivedMultiplyZero(let scale): "派生计分项 '\(scale)'：multiply 不能是 0"
        case .derivedDecimals(let scale, let decimals, let base, let limit):
            "派生计分项 '\(scale)' 会有 \(decimals) 位小数（'\(base)' 与 multiply、add 的小数位合计）：最多 \(limit) 位"
        case .bandMinimumAboveMaximum(let band, let scale, let minimum, let maximum):
            "计分项 '\(scale)' 的分级 '\(band)' 下限 \(minimum) 大于上限 \(maximum)"
        case .bandOutsideRange(let band, let minimum, let maximum, let scale, let low, let high):
            "分级 '\(band)'（\(minimum)–\(maximum)）超出计分项 '\(scale)' 的分数范围（\(low)–\(high)）"
        case .bandsLeaveGap(let scale, let from, let to): "计分项 '\(scale)' 的分级有空缺：\(from)–\(to) 不属于任何分级"
        case .bandsOverlap(let first, let second, let scale, let from, let to):
            "计分项 '\(scale)' 的分级 '\(first)' 与 '\(second)' 重叠（\(from)–\(to) 同时属于两者）"
        case .instrumentListedTwice(let id): "问卷 '\(id)' 列出了两次"
        case .unknownInstrument(let id): "不存在的问卷 '\(id)'（没有这个 id 的问卷文件）"
        case .instrumentUnusable(let id, let file): "问卷 '\(id)' 无法使用：\(file) 有错误"
        case .crisisFlagMustBeRed(let flag, let instrument): "问卷 '\(instrument)' 的危机标记 '\(flag)' 必须在预警规则中给出红色预警"
        case .policyInstrumentNotInBattery(let id): "预警规则引用了问卷 '\(id)'，但它不在这个问卷组中"
        case .policyUnknownFlag(let instrument, let flag): "问卷 '\(instrument)' 没有标记 '\(flag)'"
        case .policyUnknownBand(let scale, let band): "计分项 '\(scale)' 没有分级 '\(band)'"
        case .scoreConditionNeedsBounds: "分数条件需要 min、max 或两者"
        case .policyUnknownScale(let instrument, let scale): "问卷 '\(instrument)' 没有计分项 '\(scale)'"
        case .cannotListDirectory: "无法列出问卷文件夹的内容"
        case .definedTwice(let battery, let id, let other): "\(battery ? "问卷组" : "问卷") id '\(id)' 已在 \(other) 中定义（两者都不使用）"
        case .fileIsBattery: "这个文件是问卷组，不是问卷"
        case .noInstrument(let id, let known, let unreadable):
            "没有问卷 '\(id)'（现有：\(known.joined(separator: "、"))\(unreadable.isEmpty ? "" : "；无法读取：\(unreadable.joined(separator: "、"))")）"
        case .noBattery(let id, let known, let unreadable):
            "没有问卷组 '\(id)'（现有：\(known.joined(separator: "、"))\(unreadable.isEmpty ? "" : "；无法读取：\(unreadable.joined(separator: "、"))")）"
        case .cannotBeRead: "无法读取"
        case .fileNotUsed(let first, let more, let file):
            "文件未使用：\(first.chinese)\(more > 0 ? "（另有 \(more) 个错误：psyscreen validate \(file)）" : "")"
        }
    }
}

extension NumberField {
    package var chinese: String {
        switch self {
        case .minSeconds: "最短用时 min-seconds"
        case .scoreConditionBound(let maximum): "分数条件的\(maximum ? "上限 max" : "下限 min")"
        case .optionValue(let set): "选项组 '\(set)' 的选项值"
        case .flagBound(let flag, let maximum): "标记 '\(flag)' 的\(maximum ? "上限 max" : "下限 min")"
        case .minAnswered(let scale): "计分项 '\(scale)' 的 min-answered"
        case .decimals(let scale): "计分项 '\(scale)' 的小数位 decimals"
        case .derivedMultiply(let scale): "派生计分项 '\(scale)' 的 multiply"
        case .derivedAdd(let scale): "派生计分项 '\(scale)' 的 add"
        case .bandBound(let band, let maximum): "分级 '\(band)' 的\(maximum ? "上限 max" : "下限 min")"
        }
    }
}

extension TextElement {
    package var chinese: String {
        switch self {
        case .title: "标题"
        case .instructions: "指导语"
        case .consent: "知情同意"
        case .closing: "结束语"
        case .crisis: "危机求助信息"
        case .optionLabel(let value, let set): "选项组 '\(set)' 的选项 \(value)"
        case .itemText(let id): "题目 '\(id)' 的文字"
        case .flagLabel(let id): "标记 '\(id)' 的名称"
        case .scaleLabel(let id): "计分项 '\(id)' 的名称"
        case .bandLabel(let id): "分级 '\(id)' 的名称"
        }
    }
}

extension IDKind {
    package var chinese: String {
        switch self {
        case .responseSet: "选项组"
        case .item: "题目"
        case .flag: "标记"
        case .scale: "计分项"
        case .band(let scale): "计分项 '\(scale)' 中的分级"
        }
    }
}
