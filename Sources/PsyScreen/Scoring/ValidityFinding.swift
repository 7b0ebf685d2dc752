/// Something that makes a response questionable (a counselor decides what it means).
package enum ValidityFinding: Hashable, Sendable, Message, CustomStringConvertible {
    /// Answered in `seconds`, below the rule's `minimum`.
    case tooFast(seconds: Double, minimum: Int)
    /// Identical answers on every item of a scale with reverse-keyed items.
    case straightLining(scale: String)

    /// A short stable code for files: `too-fast`, `straight-lining:total`.
    package var code: String {
        switch self {
        case .tooFast: "too-fast"
        case .straightLining(let scale): "straight-lining:\(scale)"
        }
    }

    package var description: String { english }

    package var english: String {
        switch self {
        case .tooFast(let seconds, let minimum):
            "answered in \(Int(seconds.rounded())) s, faster than the \(minimum) s minimum"
        case .straightLining(let scale):
            "the same answer on every item of scale '\(scale)', which has reverse-keyed items"
        }
    }
}
