/// Words many messages share: the severity before a message, names for standard input and output.
package enum CommonMessage: Message, Hashable {
    /// `error: ` before a message.
    case severity(Diagnostic.Severity)
    /// Before messages a library wrote in English (libxml2's schema checks).
    case libraryTextFollows
    /// The name of standard output where a file name would be.
    case standardOutput
    /// The name of standard input where a file name would be.
    case standardInput

    package var english: String {
        switch self {
        case .severity(.error): "error: "
        case .severity(.warning): "warning: "
        case .libraryTextFollows: "note: some of these messages come from libxml2, in English"
        case .standardOutput: "<standard output>"
        case .standardInput: "<stdin>"
        }
    }
}
