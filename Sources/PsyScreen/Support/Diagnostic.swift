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

/// An input that could not be used, with every problem found in it (not only the first).
package struct InputError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    package init(at location: SourceLocation, _ message: String) {
        self.diagnostics = [Diagnostic(at: location, message)]
    }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
