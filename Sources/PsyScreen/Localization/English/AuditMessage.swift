/// What the disclosure audit prints (`wave close`, `report --audit`, `export`): how many hidden counts, whether
/// any is pinned or narrowed, the narrowest interval, then every violation.
package enum AuditMessage: Message, Hashable {
    case summary(k: Int, protection: Int, hidden: Int, violations: Int, exemptZeros: Int)
    case narrowest(unit: String, cell: String, low: Int, high: Int)
    case programs(linear: Int, integer: Int)
    case notProtected(unit: String, cell: String, low: Int, high: Int, required: ClosedRange<Int>)

    /// The lines for `report`, in order.
    package static func lines(_ report: AuditReport, threshold: MinimumCellSize) -> [AuditMessage] {
        var lines: [AuditMessage] = [
            .summary(
                k: threshold.k, protection: (threshold.k + 1) / 2, hidden: report.intervals.count,
                violations: report.violations.count, exemptZeros: report.exemptZeros)
        ]
        if let narrowest = report.narrowest {
            lines.append(
                .narrowest(unit: "\(narrowest.unit)", cell: narrowest.cellName, low: narrowest.low, high: narrowest.high))
        }
        lines.append(.programs(linear: report.linearPrograms, integer: report.integerPrograms))
        for violation in report.violations {
            lines.append(
                .notProtected(
                    unit: "\(violation.unit)", cell: violation.cellName, low: violation.low, high: violation.high,
                    required: violation.required))
        }
        return lines
    }

    package var english: String {
        switch self {
        case .summary(let k, let protection, let hidden, let violations, let exemptZeros):
            "audit (k = \(k), protection ±\(protection) within what larger groups' counts allow): \(hidden) hidden counts"
                + " over every output of the wave, "
                + (violations == 0 ? "none pinned, none narrowed below its protection" : "\(violations) pinned or narrowed")
                + (exemptZeros > 0 ? "; \(exemptZeros) hidden zeros follow from a larger group's published zero" : "")
        case .narrowest(let unit, let cell, let low, let high):
            "narrowest interval: \(unit) \(cell) \(low)…\(high) (width \(high - low))"
        case .programs(let linear, let integer): "\(linear) linear programs, \(integer) integer searches"
        case .notProtected(let unit, let cell, let low, let high, let required):
            "not protected: \(unit) \(cell): \(low)…\(high) (protection asks for \(required.lowerBound)…\(required.upperBound))"
        }
    }
}
