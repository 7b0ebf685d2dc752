/// Receives the events of a streaming XML parse (``LibXMLStreamParser``) while the parse runs, in document order.
///
/// Names are local names (the prefix and namespace are dropped: the parts psyscreen streams use one vocabulary
/// each). Every `Span` is a view into the parser's buffers, valid only during the call: copy what you keep.
/// Throwing from any method stops the parse; the error comes out of ``LibXMLStreamParser/feed(_:)`` or
/// ``LibXMLStreamParser/finish()`` unchanged.
protocol XMLStreamHandler: AnyObject {
    /// An element starts. Its attributes follow, one ``attribute(_:_:)`` call each, before any other event.
    func startElement(_ name: Span<UInt8>) throws
    /// One attribute of the element that just started, its value already unescaped.
    func attribute(_ name: Span<UInt8>, _ value: Span<UInt8>) throws
    func endElement(_ name: Span<UInt8>) throws
    /// Character data (text and CDATA, entities and character references resolved). One text node may arrive in
    /// several pieces.
    func text(_ bytes: Span<UInt8>) throws
}

extension Span<UInt8> {
    /// Whether these bytes are exactly `literal`'s UTF-8 (element and attribute names are ASCII).
    @inline(__always)
    func `is`(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        let other = literal.utf8Start
        for index in 0..<count where self[index] != other[index] { return false }
        return true
    }

    /// The bytes as a `String` (for the few values that are kept).
    var string: String {
        withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }
}
