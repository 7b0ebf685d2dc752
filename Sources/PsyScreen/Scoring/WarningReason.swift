/// Why a screening has its warning level: a condition of the battery's policy that held, or the terminal's rule
/// that a crisis answer, once given, keeps the student red.
///
/// Its ``code`` is what the database keeps and what CSV and JSON show (`phq9 flag item9`, `gad7.total ≥ 15`): the
/// same in every language. People read it in their language (``text(in:)``).
package enum WarningReason: Hashable, Sendable, Message {
    case condition(WarningPolicy.Condition)
    /// A crisis answer was given at the terminal, then changed: the attempt stays red.
    case crisisChangedAtTerminal
    /// A stored reason in a form this version does not read; shown as it was stored.
    case recorded(String)

    private static let terminalCode = "crisis answer given at the terminal, then changed"

    package var code: String {
        switch self {
        case .condition(let condition): condition.description
        case .crisisChangedAtTerminal: Self.terminalCode
        case .recorded(let text): text
        }
    }

    /// Reads a stored ``code``.
    package init(code: String) {
        if code == Self.terminalCode {
            self = .crisisChangedAtTerminal
            return
        }
        let words = code.split(separator: " ", maxSplits: 2).map(String.init)
        if words.count == 3 && words[1] == "flag" {
            self = .condition(.flag(instrument: words[0], flag: words[2]))
            return
        }
        guard let scalePath = words.first, let dot = scalePath.firstIndex(of: ".") else {
            self = .recorded(code)
            return
        }
        let (instrument, scale) = (String(scalePath[..<dot]), String(scalePath[scalePath.index(after: dot)...]))
        let rest = Array(words.dropFirst())
        switch (rest.first, rest.count) {
        case ("in", 2):
            self = .condition(
                .bands(instrument: instrument, scale: scale, bandIDs: rest[1].split(separator: "/").map(String.init)))
        case ("scored", 1): self = .condition(.score(instrument: instrument, scale: scale, minimum: nil, maximum: nil))
        case ("≥", 2) where Double(rest[1]) != nil:
            self = .condition(.score(instrument: instrument, scale: scale, minimum: Double(rest[1]), maximum: nil))
        case ("≤", 2) where Double(rest[1]) != nil:
            self = .condition(.score(instrument: instrument, scale: scale, minimum: nil, maximum: Double(rest[1])))
        case (let range?, 1):
            let ends = range.split(separator: "–", maxSplits: 1).compactMap { Double($0) }
            self =
                ends.count == 2
                ? .condition(.score(instrument: instrument, scale: scale, minimum: ends[0], maximum: ends[1])) : .recorded(code)
        default:
            self = .recorded(code)
        }
    }

    package var english: String { code }
}
