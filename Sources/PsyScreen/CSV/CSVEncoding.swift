/// The character encoding of a CSV file. Readers always hand out UTF-8.
package enum CSVEncoding: String, Sendable, CaseIterable {
    /// UTF-8 unless the bytes say otherwise: GB18030 when the first non-ASCII text is not UTF-8 (see
    /// ``CSVReader``). A UTF-8 byte order mark always means UTF-8.
    case auto
    case utf8
    /// GB18030, which includes GBK and GB2312: what Chinese Excel writes for "CSV (逗号分隔)".
    case gb18030

    /// Parses a command-line value, accepting the usual spellings (`utf-8`, `GBK`, `gb2312`, …).
    package init?(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case "utf8", "utf-8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    /// The name to show people, e.g. `UTF-8`.
    package var displayName: String {
        switch self {
        case .auto: "auto"
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        }
    }
}
