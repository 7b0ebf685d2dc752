import CLibXML2

/// Collects libxml2's structured errors of one parse or validation as ``Diagnostic``s.
///
/// A parser context carries its sink in `_private` (its `userData` must stay the context itself): the shared
/// callbacks below find it there.
class LibXMLErrorSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Set once the parse was stopped on purpose: what libxml2 says after that is noise.
    var silenced = false

    init(file: String) { self.file = file }

    func add(line: Int, column: Int?, _ message: InstrumentMessage) {
        diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: max(line, 1), column: column), message))
    }

    /// What libxml2 said, in its English.
    private func add(line: Int, column: Int?, libraryText: String) {
        diagnostics.append(
            Diagnostic(at: SourceLocation(file: file, line: max(line, 1), column: column), libraryText: libraryText))
    }

    func add(_ error: UnsafePointer<xmlError>) {
        guard !silenced else { return }
        let level = error.pointee.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        // Schema messages name elements as {namespace}name: the namespace is the same everywhere and only noise.
        message = message.replacingOccurrences(of: "{urn:psyscreen:instrument:1}", with: "")
        let column = Int(error.pointee.int2)
        let isParserError = error.pointee.domain == Int32(XML_FROM_PARSER.rawValue)
        let place = (line: Int(error.pointee.line), column: isParserError && column > 0 ? column : nil)
        if message.hasPrefix("Excessive depth in document") {
            // libxml2's advice (XML_PARSE_HUGE) is exactly what must not be done with untrusted files.
            add(line: place.line, column: place.column, .nestedTooDeeply)
        } else {
            add(line: place.line, column: place.column, libraryText: message)
        }
    }
}

/// Structured-error callback of the parser context: `userData` is the context, the sink is in `_private`.
func libxmlParserError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let sinkPointer = ctxt.pointee._private else { return }
    let sink = Unmanaged<LibXMLErrorSink>.fromOpaque(sinkPointer).takeUnretainedValue()
    sink.add(error)
}

/// SAX `internalSubset` callback: any DOCTYPE ends the parse with an error before its subset is read.
func libxmlRejectDoctype(
    _ userData: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
    _ externalID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?
) {
    guard let userData else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    if let sinkPointer = ctxt.pointee._private {
        let sink = Unmanaged<LibXMLErrorSink>.fromOpaque(sinkPointer).takeUnretainedValue()
        let line = ctxt.pointee.input.map { Int($0.pointee.line) } ?? 1
        sink.add(line: line, column: nil, .doctypeNotAllowed)
        sink.silenced = true
    }
    xmlStopParser(ctxt)
}
