extension AuditMessage {
    package var chinese: String {
        switch self {
        case .summary(let k, let protection, let hidden, let violations, let exemptZeros):
            "数据保护审核（k = \(k)，在更大分组已发布人数允许的范围内保护 ±\(protection)）：本批次全部发布内容中共隐藏 \(hidden) 个人数，"
                + (violations == 0 ? "没有一个能被确定或缩小到保护范围以内" : "\(violations) 个能被确定或缩小")
                + (exemptZeros > 0 ? "；另有 \(exemptZeros) 个隐藏的 0 可由更大分组已发布的 0 推出" : "")
        case .narrowest(let unit, let cell, let low, let high):
            "最窄区间：\(unit) \(Self.chineseCell(cell)) \(low)…\(high)（宽度 \(high - low)）"
        case .programs(let linear, let integer): "线性规划 \(linear) 次，整数搜索 \(integer) 次"
        case .notProtected(let unit, let cell, let low, let high, let required):
            "未受保护：\(unit) \(Self.chineseCell(cell))：\(low)…\(high)（保护要求 \(required.lowerBound)…\(required.upperBound)）"
        }
    }

    /// A cell's exchange-file name (`phq9.total:band:mild`, `level:red`) in Chinese words.
    private static func chineseCell(_ name: String) -> String {
        if name == "screened" { return "已筛查人数" }
        if name.hasPrefix("level:"), let level = WarningLevel(rawValue: String(name.dropFirst(6))) {
            return "预警等级 " + Term.level(level).chinese
        }
        if name.hasSuffix(":n") { return name.dropLast(2) + " 人数" }
        return name.replacingOccurrences(of: ":band:", with: " 分级 ")
    }
}
