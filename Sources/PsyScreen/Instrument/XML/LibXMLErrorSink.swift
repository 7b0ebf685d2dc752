import CLibXML2

/// Collects libxml2's structured errors of one parse or validation as ``Diagnostic``s.
final class LibXMLErrorSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Set once the parse was stopped on purpose: what libxml2 says after that is noise.
    var silenced = false

    init(file: String) { self.file = file }

    func add(line: Int, column: Int?, _ message: String) {
        diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: max(line, 1), column: column), message))
    }

    func add(_ error: UnsafePointer<xmlError>) {
        guard !silenced else { return }
        let level = error.pointee.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        // Schema messages name elements as {namespace}name: the namespace is the same everywhere and only noise.
        message = message.replacingOccurrences(of: "{urn:psyscreen:instrument:1}", with: "")
        if message.hasPrefix("Excessive depth in document") {
            // libxml2's advice (XML_PARSE_HUGE) is exactly what must not be done with untrusted files.
            message = "elements are nested too deeply (more than 256 levels)"
        }
        let column = Int(error.pointee.int2)
        let isParserError = error.pointee.domain == Int32(XML_FROM_PARSER.rawValue)
        add(line: Int(error.pointee.line), column: isParserError && column > 0 ? column : nil, message)
    }
}
