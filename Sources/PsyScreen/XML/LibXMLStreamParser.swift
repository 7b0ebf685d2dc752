import CLibXML2
import Foundation

/// A streaming XML parse (libxml2's push parser with SAX2 callbacks): bytes go in chunk by chunk as they arrive
/// (from a zip entry being inflated), events come out to an ``XMLStreamHandler``. Memory stays flat whatever the
/// document's size: nothing is kept but what the handler copies.
///
/// The same hardening as ``LibXMLDocumentReader``: no network, no entity substitution, no DTD loading, no
/// `XML_PARSE_HUGE`, and any `<!DOCTYPE` stops the parse with an error, so entity bombs and external entities
/// never get a chance. Only the five predefined entities and character references are resolved.
///
/// No libxml2 pointer leaves this file: the handler sees `Span`s that live for one call.
final class LibXMLStreamParser {
    private let context: StreamContext
    private let ctxt: xmlParserCtxtPtr
    private var finished = false

    /// - Parameters:
    ///   - file: the document's name in messages (`book.xlsx!xl/worksheets/sheet1.xml`).
    init(file: String, handler: any XMLStreamHandler) {
        LibXMLGlobal.initialize()
        context = StreamContext(file: file, handler: handler)
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = streamStartElement
        sax.endElementNs = streamEndElement
        sax.characters = streamCharacters
        sax.cdataBlock = streamCharacters
        sax.internalSubset = libxmlRejectDoctype
        sax.serror = libxmlParserError
        // A nil user_data makes the callbacks' context the parser context itself, as libxml2 expects; the Swift
        // side rides in `_private`.
        ctxt = file.withCString { xmlCreatePushParserCtxt(&sax, nil, nil, 0, $0) }
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        ctxt.pointee._private = Unmanaged.passUnretained(context).toOpaque()
    }

    deinit { xmlFreeParserCtxt(ctxt) }

    /// Parses the next piece of the document.
    /// - Throws: the handler's error, or ``InputError`` with libxml2's messages (`FILE:LINE:COLUMN`).
    func feed(_ chunk: some ContiguousBytes) throws {
        try chunk.withUnsafeBytes { bytes in
            var offset = 0
            // xmlParseChunk takes an Int32 length.
            repeat {
                let count = min(bytes.count - offset, 1 << 30)
                let base = bytes.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) + offset }
                xmlParseChunk(ctxt, base, Int32(count), 0)
                try check()
                offset += count
            } while offset < bytes.count
        }
    }

    /// Ends the document: reports anything left unclosed.
    func finish() throws {
        guard !finished else { return }
        finished = true
        xmlParseChunk(ctxt, nil, 0, 1)
        try check()
        if ctxt.pointee.wellFormed == 0 {
            throw InputError(at: SourceLocation(file: context.file, line: 1), InstrumentMessage.notWellFormed)
        }
    }

    /// Parses a whole document held in memory.
    static func parse(_ bytes: some ContiguousBytes, file: String, handler: any XMLStreamHandler) throws {
        let parser = LibXMLStreamParser(file: file, handler: handler)
        try parser.feed(bytes)
        try parser.finish()
    }

    private func check() throws {
        if let failure = context.failure { throw failure }
        if !context.diagnostics.isEmpty { throw InputError(context.diagnostics) }
    }
}

/// What the C callbacks reach through the parser context's `_private`: the error sink, with the handler.
private final class StreamContext: LibXMLErrorSink {
    let handler: any XMLStreamHandler
    /// The handler's error, which stopped the parse.
    var failure: (any Error)?

    init(file: String, handler: any XMLStreamHandler) {
        self.handler = handler
        super.init(file: file)
    }

    /// Runs a handler call; an error stops the parser and is kept for ``LibXMLStreamParser``.
    @inline(__always)
    func deliver(_ ctxt: xmlParserCtxtPtr, _ call: () throws -> Void) {
        guard failure == nil else { return }
        do { try call() } catch {
            failure = error
            silenced = true
            xmlStopParser(ctxt)
        }
    }
}

/// The length of a name libxml2 hands over NUL-terminated (libc's vectorised `strlen`; `xmlStrlen` goes byte by
/// byte).
@inline(__always)
private func nameLength(_ name: UnsafePointer<xmlChar>) -> Int {
    name.withMemoryRebound(to: CChar.self, capacity: 1) { strlen($0) }
}

/// Calls `body` with the parser context and the Swift side of a callback, without retaining it (the parser
/// holds it for the whole parse).
@inline(__always)
private func withStreamContext(_ userData: UnsafeMutableRawPointer?, _ body: (xmlParserCtxtPtr, StreamContext) -> Void) {
    guard let userData else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let pointer = ctxt.pointee._private else { return }
    Unmanaged<StreamContext>.fromOpaque(pointer)._withUnsafeGuaranteedRef { body(ctxt, $0) }
}

private func streamStartElement(
    _ userData: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let localName else { return }
    withStreamContext(userData) { ctxt, context in
        context.deliver(ctxt) {
            try context.handler.startElement(UnsafeBufferPointer(start: localName, count: nameLength(localName)).span)
            guard let attributes else { return }
            // Five pointers per attribute: local name, prefix, URI, value start, value end.
            for index in 0..<Int(attributeCount) {
                guard let name = attributes[5 * index], let start = attributes[5 * index + 3],
                    let end = attributes[5 * index + 4]
                else { continue }
                try context.handler.attribute(
                    UnsafeBufferPointer(start: name, count: nameLength(name)).span,
                    UnsafeBufferPointer(start: start, count: end - start).span)
            }
        }
    }
}

private func streamEndElement(
    _ userData: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    guard let localName else { return }
    withStreamContext(userData) { ctxt, context in
        context.deliver(ctxt) {
            try context.handler.endElement(UnsafeBufferPointer(start: localName, count: nameLength(localName)).span)
        }
    }
}

private func streamCharacters(_ userData: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let characters, length > 0 else { return }
    withStreamContext(userData) { ctxt, context in
        context.deliver(ctxt) { try context.handler.text(UnsafeBufferPointer(start: characters, count: Int(length)).span) }
    }
}
