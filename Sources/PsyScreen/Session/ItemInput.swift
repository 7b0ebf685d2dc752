import Foundation

/// What a student typed at an item prompt, read the way Chinese input methods produce it: NFKC turns full-width
/// digits, letters, `？` and the ideographic space into their ASCII forms before anything is compared.
package enum ItemInput: Hashable, Sendable {
    /// A number (whether it is one of the item's options is checked against the response set).
    case value(Int)
    /// `b`: to the previous item.
    case back
    /// `?`: how to answer.
    case help
    /// `s`: leave this item unanswered.
    case skip
    /// `q`: stop now; everything answered is kept.
    case quit
    /// Enter alone: keep the current answer, when there is one (after `b`).
    case keep
    /// Anything else.
    case other

    package init(line: String) {
        let text = StudentInput.normalize(line)
        switch text {
        case "b": self = .back
        case "?": self = .help
        case "s": self = .skip
        case "q": self = .quit
        case "": self = .keep
        default:
            if !text.isEmpty, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let value = Int(text) {
                self = .value(value)
            } else {
                self = .other
            }
        }
    }
}
