import CLibXML2
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A compiled XSD (a resource: it owns libxml2 memory). Loaded from its file so that relative
/// `xs:import schemaLocation` references resolve next to it; never from the network.
final class LibXMLSchema: @unchecked Sendable {
    // libxml2 schemas are read-only once compiled; validation contexts are created per call.
    private let schema: xmlSchemaPtr

    init(path: String) throws(InputError) {
        LibXMLGlobal.initialize()
        let sink = LibXMLErrorSink(file: path)
        guard access(path, R_OK) == 0 else {
            throw InputError(at: SourceLocation(file: path, line: 1), InstrumentMessage.cannotReadSchema(SystemError(errno)))
        }
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw InputError(at: SourceLocation(file: path, line: 1), InstrumentMessage.cannotOpenSchema)
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, libxmlSchemaError, Unmanaged.passUnretained(sink).toOpaque())
        let compiled = xmlSchemaParse(parser)
        guard let compiled, sink.diagnostics.isEmpty else {
            if let compiled { xmlSchemaFree(compiled) }
            throw InputError(
                sink.diagnostics.isEmpty
                    ? [Diagnostic(at: SourceLocation(file: path, line: 1), InstrumentMessage.schemaDoesNotCompile)]
                    : sink.diagnostics)
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates a parsed document; problems go to `sink`.
    func validate(_ doc: xmlDocPtr, into sink: LibXMLErrorSink) {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            sink.add(line: 1, column: nil, .cannotCreateValidationContext)
            return
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, libxmlSchemaError, Unmanaged.passUnretained(sink).toOpaque())
        xmlSchemaValidateDoc(context, doc)
    }
}

private func libxmlSchemaError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    Unmanaged<LibXMLErrorSink>.fromOpaque(userData).takeUnretainedValue().add(error)
}
