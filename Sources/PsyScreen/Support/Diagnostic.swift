/// One problem found in an input file, printed the way compilers print them:
/// `FILE:LINE:COLUMN: error: MESSAGE` (in Chinese `FILE:LINE:COLUMN: 错误：MESSAGE`: the place is the same in
/// every language, so editors and scripts still find it).
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable {
        case error
        case warning
    }

    package var location: SourceLocation
    package var severity: Severity
    package var message: LocalizedText

    package init(_ severity: Severity = .error, at location: SourceLocation, _ message: some Message) {
        self.init(severity, at: location, text: message.localized)
    }

    /// A message a library wrote (libxml2): English only.
    package init(_ severity: Severity = .error, at location: SourceLocation, libraryText: String) {
        self.init(severity, at: location, text: LocalizedText(libraryText: libraryText))
    }

    package init(_ severity: Severity, at location: SourceLocation, text: LocalizedText) {
        self.location = location
        self.severity = severity
        self.message = text
    }

    /// The line in `language`.
    package func text(in language: Language) -> String {
        "\(location): \(CommonMessage.severity(severity).text(in: language))\(message.text(in: language))"
    }

    /// The English line.
    package var description: String { text(in: .english) }
}
