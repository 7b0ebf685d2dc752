/// An input that could not be used, with every problem found in it (not only the first).
package struct InputError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    package init(at location: SourceLocation, _ message: String) {
        self.diagnostics = [Diagnostic(at: location, message)]
    }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
