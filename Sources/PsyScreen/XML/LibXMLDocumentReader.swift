import CLibXML2
import Foundation

/// The only code in psyscreen that touches libxml2: parses a document held in memory, optionally validates it
/// against a schema, copies the tree into ``XMLElementValue``s and frees everything before returning.
///
/// Hardened for files that come from anywhere: no network (`XML_PARSE_NONET`), no entity substitution, no DTD
/// loading, no size-lifting `XML_PARSE_HUGE`, and any `<!DOCTYPE` stops the parse at once — questionnaires need
/// no DTD, and refusing one closes the door on external entities and entity bombs together.
enum LibXMLDocumentReader {
    /// Parses `bytes` (the content of `file`) and returns the root element, or every problem found.
    static func read(
        _ bytes: [UInt8], file: String, schema: LibXMLSchema? = nil
    ) throws(InputError) -> XMLElementValue {
        LibXMLGlobal.initialize()
        let sink = LibXMLErrorSink(file: file)
        let root: XMLElementValue? = bytes.withUnsafeBufferPointer { buffer in
            guard
                let ctxt = buffer.baseAddress.flatMap({ base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlCreateMemoryParserCtxt($0, Int32(clamping: buffer.count))
                    }
                })
            else {
                sink.add(line: 1, column: nil, .documentEmpty)
                return nil
            }
            defer { xmlFreeParserCtxt(ctxt) }
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
            xmlCtxtUseOptions(ctxt, options)
            // The error sink rides in `_private`: `userData` must stay the context itself (libxml2 relies on it).
            ctxt.pointee._private = Unmanaged.passUnretained(sink).toOpaque()
            ctxt.pointee.sax.pointee.serror = libxmlParserError
            ctxt.pointee.sax.pointee.internalSubset = libxmlRejectDoctype
            if let url = strdup(file) {
                if ctxt.pointee.input != nil { ctxt.pointee.input.pointee.filename = UnsafePointer(url) }
                // Freed by xmlFreeParserCtxt together with the input.
            }
            xmlParseDocument(ctxt)
            guard let doc = ctxt.pointee.myDoc else { return nil }
            defer { xmlFreeDoc(doc) }
            if sink.diagnostics.isEmpty == false || ctxt.pointee.wellFormed == 0 { return nil }
            guard let rootNode = xmlDocGetRootElement(doc) else {
                sink.add(line: 1, column: nil, .noRootElement)
                return nil
            }
            if let schema { schema.validate(doc, into: sink) }
            return convert(rootNode)
        }
        if !sink.diagnostics.isEmpty { throw InputError(sink.diagnostics) }
        guard let root else { throw InputError(at: SourceLocation(file: file, line: 1), InstrumentMessage.documentUnreadable) }
        return root
    }

    private static func convert(_ node: xmlNodePtr) -> XMLElementValue {
        var element = XMLElementValue(
            name: string(node.pointee.name) ?? "",
            namespaceURI: node.pointee.ns.flatMap { string($0.pointee.href) },
            attributes: [],
            children: [],
            text: "",
            line: Int(xmlGetLineNo(node))
        )
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            element.attributes.append(
                .init(
                    name: string(current.pointee.name) ?? "",
                    namespaceURI: current.pointee.ns.flatMap { string($0.pointee.href) },
                    value: string(value) ?? ""
                ))
            if let value { psyscreen_xmlFree(value) }
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(convert(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                element.text += string(current.pointee.content) ?? ""
            default:
                break
            }
            child = current.pointee.next
        }
        return element
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
