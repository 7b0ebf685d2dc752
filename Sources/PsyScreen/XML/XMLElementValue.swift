/// One element of a parsed XML document, as a plain Swift value.
///
/// The libxml2 wrapper (``LibXMLDocumentReader``) copies the C tree into these values and frees it at once, so no
/// C pointer outlives a parse. Only elements, attributes and their text are kept: comments and processing
/// instructions carry nothing a questionnaire needs.
struct XMLElementValue: Sendable {
    struct Attribute: Sendable {
        var name: String
        var namespaceURI: String?
        var value: String
    }

    /// Local name, without prefix.
    var name: String
    var namespaceURI: String?
    var attributes: [Attribute]
    var children: [XMLElementValue]
    /// The text and CDATA directly inside this element, concatenated.
    var text: String
    /// 1-based line of the start tag.
    var line: Int

    /// The value of an attribute without namespace (`id="phq9"`).
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespaceURI == nil }?.value
    }

    /// The value of `xml:lang`.
    var language: String? {
        attributes.first { $0.name == "lang" && $0.namespaceURI == XMLElementValue.xmlNamespace }?.value
    }

    /// Child elements with the given local name, in document order.
    func children(named name: String) -> [XMLElementValue] {
        children.filter { $0.name == name }
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}
