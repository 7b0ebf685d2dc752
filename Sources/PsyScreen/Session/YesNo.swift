/// An answer to a yes/no question: `y`/`n`, `yes`/`no`, `是`/`否`.
package enum YesNo: Hashable, Sendable {
    case yes
    case no

    package init?(line: String) {
        switch StudentInput.normalize(line) {
        case "y", "yes", "是", "是的": self = .yes
        case "n", "no", "否", "不": self = .no
        default: return nil
        }
    }
}
