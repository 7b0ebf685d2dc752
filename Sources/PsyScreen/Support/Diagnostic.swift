/// One problem found in an input file, printed the way compilers print them:
/// `FILE:LINE:COLUMN: error: MESSAGE`.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable {
        case error
        case warning
    }

    package var location: SourceLocation
    package var severity: Severity
    package var message: String

    package init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    package var description: String { "\(location): \(severity.rawValue): \(message)" }
}
