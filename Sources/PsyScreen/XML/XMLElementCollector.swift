/// A stream handler that keeps the attributes of the elements named in `names` (with the name of their parent
/// element), and nothing else: enough for the small parts of a workbook (relationships, content types, the sheet
/// list, number formats), without building a tree.
final class XMLElementCollector: XMLStreamHandler {
    struct Element {
        var name: String
        var parent: String
        var attributes: [String: String]
    }

    private let names: Set<String>
    private let limit: Int
    private var stack: [String] = []
    /// Whether the attributes arriving belong to a kept element.
    private var keeping = false
    private(set) var elements: [Element] = []

    /// - Parameter limit: elements kept at most (a hostile part gets an error, not unbounded memory).
    init(names: Set<String>, limit: Int = 100_000) {
        self.names = names
        self.limit = limit
    }

    func startElement(_ name: Span<UInt8>) throws {
        let name = name.string
        keeping = names.contains(name)
        if keeping {
            guard elements.count < limit else { throw CollectorOverflow(name: name, limit: limit) }
            elements.append(Element(name: name, parent: stack.last ?? "", attributes: [:]))
        }
        stack.append(name)
    }

    func attribute(_ name: Span<UInt8>, _ value: Span<UInt8>) throws {
        if keeping { elements[elements.count - 1].attributes[name.string] = value.string }
    }

    func endElement(_ name: Span<UInt8>) throws {
        keeping = false
        stack.removeLast()
    }

    func text(_ bytes: Span<UInt8>) throws { keeping = false }

    /// The kept elements named `name` (under an element named `parent`, if given), in document order.
    func elements(named name: String, under parent: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (parent == nil || $0.parent == parent) }
    }
}

/// More elements than any real part has.
struct CollectorOverflow: Error {
    var name: String
    var limit: Int
}
