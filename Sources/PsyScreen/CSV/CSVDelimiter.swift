/// The field separator of a CSV file.
///
/// Chinese and English Excel write commas; European locales write semicolons; "Unicode text" exports use tabs.
package enum CSVDelimiter: String, Sendable, CaseIterable {
    /// Decide from the header line: the most frequent of `,` `;` tab outside quotes (ties and none: comma).
    case auto
    case comma
    case semicolon
    case tab

    /// Parses a command-line value: `auto`, `,`, `;`, `\t` (or a real tab), or the case names.
    package init?(argument: String) {
        switch argument {
        case "auto": self = .auto
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "\\t", "tab": self = .tab
        default: return nil
        }
    }

    /// The separator byte; `nil` for ``auto``.
    package var byte: UInt8? {
        switch self {
        case .auto: nil
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }

    init?(byte: UInt8) {
        guard let match = Self.allCases.first(where: { $0.byte == byte }) else { return nil }
        self = match
    }
}
