extension InstrumentMessage {
    package var chinese: String {
        switch self {
        case .documentEmpty: "文件是空的"
        case .noRootElement: "文件没有根元素"
        case .documentUnreadable: "无法读取这个文件"
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
        case .derivedBadMultiply(let scale): "派生计分项 '\(scale)'：multiply 必须是非零数字"
        case .bandMinimumAboveMaximum(let band, let scale, let minimum, let maximum):
            "计分项 '\(scale)' 的分级 '\(band)' 下限 \(minimum) 大于上限 \(maximum)"
        case .bandOutsideRange(let band, let minimum, let maximum, let scale, let low, let high):
            "分级 '\(band)'（\(minimum)–\(maximum)）超出计分项 '\(scale)' 的分数范围（\(low)–\(high)）"
        case .bandsLeaveGap(let scale, let from, let to): "计分项 '\(scale)' 的分级有空缺：\(from)–\(to) 不属于任何分级"
        case .bandsOverlap(let first, let second, let scale, let from, let to):
            "计分项 '\(scale)' 的分级 '\(first)' 与 '\(second)' 重叠（\(from)–\(to) 同时属于两者）"
        case .instrumentListedTwice(let id): "问卷 '\(id)' 列出了两次"
        case .unknownInstrument(let id): "不存在的问卷 '\(id)'（没有这个 id 的问卷文件）"
        case .crisisFlagMustBeRed(let flag, let instrument): "问卷 '\(instrument)' 的危机标记 '\(flag)' 必须在预警规则中给出红色预警"
        case .policyInstrumentNotInBattery(let id): "预警规则引用了问卷 '\(id)'，但它不在这个问卷组中"
        case .policyUnknownFlag(let instrument, let flag): "问卷 '\(instrument)' 没有标记 '\(flag)'"
        case .policyUnknownBand(let scale, let band): "计分项 '\(scale)' 没有分级 '\(band)'"
        case .scoreConditionNeedsBounds: "分数条件需要 min、max 或两者"
        case .policyUnknownScale(let instrument, let scale): "问卷 '\(instrument)' 没有计分项 '\(scale)'"
        case .cannotListDirectory: "无法列出问卷文件夹的内容"
        case .instrumentDefinedTwice(let id, let other): "问卷 id '\(id)' 已在 \(other) 中定义"
        case .batteryDefinedTwice(let id): "问卷组 id '\(id)' 定义了两次"
        case .fileIsBattery: "这个文件是问卷组，不是问卷"
        case .noInstrument(let id, let known): "没有问卷 '\(id)'（现有：\(known.joined(separator: "、"))）"
        case .noBattery(let id, let known): "没有问卷组 '\(id)'（现有：\(known.joined(separator: "、"))）"
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
