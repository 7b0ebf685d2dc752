/// An answer to a yes/no question: `y`/`n`, `yes`/`no`, `是`/`否`.
public enum YesNo: Hashable, Sendable {
    case yes
    case no

    public init?(line: String) {
        switch StudentInput.normalize(line) {
        case "y", "yes", "是", "是的": self = .yes
        case "n", "no", "否", "不": self = .no
        default: return nil
        }
    }
}
