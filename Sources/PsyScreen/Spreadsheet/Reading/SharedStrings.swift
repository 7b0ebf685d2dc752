/// A workbook's shared-string table (`xl/sharedStrings.xml`): every distinct text of the workbook once, which
/// cells name by index (`<c t="s"><v>7</v></c>`).
///
/// Kept compactly: one byte array with all the UTF-8 text and one end offset per string, so 1,000,000 student IDs
/// take about 15 MB. A table bigger than ``WorkbookLimits/sharedStringBytes`` is refused rather than spilled to
/// disk: a sheet of paper results never needs that much distinct text, and a hostile file gets a clear error
/// instead of eating the memory the scoring needs.
struct SharedStrings: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []

    var count: Int { ends.count }

    /// The UTF-8 bytes of string `index`, or nil past the end.
    func range(_ index: Int) -> Range<Int>? {
        guard index >= 0 && index < ends.count else { return nil }
        return (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// Reads the table from `part`.
    static func read(_ archive: WorkbookArchive, part: String) throws -> SharedStrings {
        let file = "\(archive.path)!\(part)"
        let reader = SharedStringReader(limits: archive.limits, path: archive.path, part: part)
        // The part's size bounds its text: reserving it once spares the copies (and the moment of double memory)
        // of growing; pages never written cost nothing.
        reader.table.reserve(bytes: min(archive.declaredSize(of: part), archive.limits.sharedStringBytes))
        let parser = LibXMLStreamParser(file: file, handler: reader)
        try archive.stream(part, limit: archive.limits.sharedStringPart) { try parser.feed($0) }
        try parser.finish()
        return reader.table
    }

    fileprivate mutating func append(_ text: [UInt8]) {
        bytes.append(contentsOf: text)
        ends.append(UInt32(bytes.count))
    }

    fileprivate mutating func reserve(strings: Int) { ends.reserveCapacity(strings) }
    fileprivate mutating func reserve(bytes count: Int) { bytes.reserveCapacity(count) }
}

/// Builds the table from the part's events: the text of every `<t>` inside an `<si>` (plain, or the runs of rich
/// text), without phonetic readings (`<rPh>`).
private final class SharedStringReader: XMLStreamHandler {
    var table = SharedStrings()
    private let limits: WorkbookLimits
    private let path: String
    private let part: String
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var current: [UInt8] = []

    init(limits: WorkbookLimits, path: String, part: String) {
        self.limits = limits
        self.path = path
        self.part = part
    }

    func startElement(_ name: Span<UInt8>) throws {
        if name.is("si") {
            inItem = true
            current.removeAll(keepingCapacity: true)
        } else if name.is("t") {
            inText = inItem && phoneticDepth == 0
        } else if name.is("rPh") {
            phoneticDepth += 1
        }
    }

    func attribute(_ name: Span<UInt8>, _ value: Span<UInt8>) throws {
        // The table's declared size, to reserve the offsets once (bounded: the count is only a hint).
        if table.count == 0 && !inItem && name.is("uniqueCount"), let count = Int(value.string) {
            table.reserve(strings: min(max(count, 0), limits.sharedStringBytes / 16))
        }
    }

    func endElement(_ name: Span<UInt8>) throws {
        if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("si") {
            inItem = false
            table.append(CellText.unescapingOOXML(current))
            guard table.bytes.count + 4 * table.count <= limits.sharedStringBytes else {
                throw FileError(
                    path: path,
                    .workbook(.sharedStringsTooLarge(part: part, limit: UInt64(limits.sharedStringBytes), strings: table.count)))
            }
        }
    }

    func text(_ bytes: Span<UInt8>) throws {
        guard inText else { return }
        guard current.count + bytes.count <= limits.cellBytes else {
            throw FileError(
                path: path, .workbook(.sharedStringTooLong(part: part, index: table.count, limit: UInt64(limits.cellBytes))))
        }
        bytes.withUnsafeBufferPointer { current.append(contentsOf: $0) }
    }
}
