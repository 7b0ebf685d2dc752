/// An input that could not be used, with every problem found in it (not only the first).
package struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    package init(at location: SourceLocation, _ message: some Message) {
        self.diagnostics = [Diagnostic(at: location, message)]
    }

    /// The lines in `language`. Where a library's English message is among them, a Chinese reader first gets a
    /// line saying so.
    package func text(in language: Language) -> String {
        var lines = diagnostics.map { $0.text(in: language) }
        if diagnostics.contains(where: { !$0.message.has(language) }) {
            lines.insert(CommonMessage.libraryTextFollows.text(in: language), at: 0)
        }
        return lines.joined(separator: "\n")
    }

    /// The English lines.
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
