extension SheetMessage {
    package var chinese: String {
        switch self {
        case .instrumentLine(let id, let version, let items, let languages):
            "id \(id)，版本 \(version)，共 \(items) 题，语言 \(languages.joined(separator: "、"))"
        case .options(let set, let options): "选项组 '\(set)'：\(options.joined(separator: " · "))"
        case .itemsHeading: "题目"
        case .reverseKeyed: "反向计分"
        case .usesOptions(let set): "选项组 '\(set)'"
        case .scalesHeading: "计分项"
        case .scaleLine(let id, let label, let definition, let low, let high):
            "\(id) — \(label)：\(definition.chinese)，分数范围 \(low)–\(high)"
        case .flagsHeading: "标记"
        case .flagLine(let id, let kind, let items, let minimum, let maximum, let label):
            "\(id)（\(kind == .crisis ? "危机" : "需关注")）："
                + (items.count == 1 ? "第 \(items[0]) 题" : "第 \(items.joined(separator: "、")) 题中任一题")
                + Self.bounds(minimum, maximum, in: " 在 ") + " — \(label)"
        case .validityHeading: "有效性"
        case .tooFastRule(let seconds): "用时少于 \(seconds) 秒视为存疑"
        case .straightLiningRule(let scale): "计分项 '\(scale)' 的每一题答案都相同时视为存疑"
        case .copyright(let text): "版权：\(text)"
        case .citation(let text): "引用：\(text)"
        case .note(let text): "说明：\(text)"
        case .batteryLine(let id, let version, let items): "问卷组 \(id)，版本 \(version)，共 \(items) 题"
        case .instrumentsInOrder: "问卷（按作答顺序）"
        case .instrumentEntry(let number, let id, let version, let title, let items):
            "\(number). \(id) \(version) — \(title)（\(items) 题）"
        case .consentHeading: "知情同意"
        case .crisisHeading: "危机求助信息（学生给出危机答案时立即显示）"
        case .closingHeading: "结束语"
        case .batteryTooFastRule(let seconds): "整次筛查用时少于 \(seconds) 秒视为存疑"
        case .policyHeading: "预警规则（取符合条件的最高等级）"
        case .policyLine(let level, let reasons):
            "\(Term.level(level).chinese)：\(reasons.map(\.chinese).joined(separator: "，或 "))"
        case .idColumn(let battery): battery ? "问卷组" : "问卷"
        case .versionColumn: "版本"
        case .itemsColumn: "题数"
        case .partsColumn(let battery): battery ? "包含问卷" : "计分项"
        case .titleColumn: "名称"
        case .studentLine(let id, let name, let school, let grade, let className, let status):
            "\(id) \(name) — \(school) \(grade) \(className)（\(Term.enrollment(status).chinese)）"
        case .noScreenings: "还没有筛查记录。"
        case .waveHeading(let wave): "筛查批次 \(wave)"
        case .attemptLine(let time, let source, let state, let level, let reasons):
            "\(time)  \(Term.source(source).chinese)，\(Term.attemptState(state).chinese)  预警等级 \(Term.level(level).chinese)"
                + (reasons.isEmpty ? "" : "（\(reasons.map(\.chinese).joined(separator: "；"))）")
        case .questionable(let findings): "存疑：" + findings.map(\.chinese).joined(separator: "；")
        case .instrumentValidity(let instrument, let finding): "\(instrument)：\(finding.chinese)"
        case .scoreSummary(let instrument, let scale, let score, let band, let flags):
            "\(instrument).\(scale) \(score ?? "—")\(band.map { "（\($0)）" } ?? "")"
                + (flags.isEmpty ? "" : " 标记 \(flags.joined(separator: ";"))")
        case .followUpLine(let time, let status, let by, let note):
            "\(time)  随访：\(Term.followUp(status).chinese)（记录人 \(by)）\(note.map { " — \($0)" } ?? "")"
        }
    }
}

extension ScaleDefinition {
    package var chinese: String {
        switch self {
        case .items(let method, let items, let minimum, let prorate):
            "题目 \(items.joined(separator: " ")) \(method == .sum ? "求和" : "求均值")"
                + (minimum < items.count
                    ? "；\(items.count) 题中至少答 \(minimum) 题才计分" + (prorate ? "，按比例折算（四舍五入）" : "")
                    : "；有任何一题缺答则不计分")
        case .derived(let of, let multiply, let add): "\(multiply) × \(of)" + (add.map { " + \($0)" } ?? "")
        }
    }
}
