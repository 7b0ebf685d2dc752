import PsyScreen

/// The `validity` column of `attempt` and the validity field of its results (``ResultColumn``): findings as text that reads back losslessly
/// (`too-fast:6.5:32;straight-lining:total`), so that `results` and `history` show what the rules found.
package enum ValidityColumn {
    package static func text(_ findings: [ValidityFinding]) -> String {
        findings.map { finding in
            switch finding {
            case .tooFast(let seconds, let minimum): "too-fast:\(seconds):\(minimum)"
            case .straightLining(let scale): "straight-lining:\(scale)"
            }
        }.joined(separator: ";")
    }

    /// Unknown entries are skipped rather than failing a read of health records over a note about them.
    package static func findings(_ text: String) -> [ValidityFinding] {
        text.split(separator: ";").compactMap { entry in
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            switch parts[0] {
            case "too-fast":
                let numbers = parts.count > 1 ? parts[1].split(separator: ":") : []
                return .tooFast(
                    seconds: numbers.first.flatMap { Double($0) } ?? 0,
                    minimum: numbers.count > 1 ? Int(numbers[1]) ?? 0 : 0)
            case "straight-lining" where parts.count > 1:
                return .straightLining(scale: parts[1])
            default:
                return nil
            }
        }
    }
}
