import Foundation

/// Reads the JSON a closing stored (``DisclosurePattern/encoded(columns:)``) straight from its bytes into
/// ``DisclosurePattern/Stored``: a district's pattern is megabytes, and going through `JSONDecoder` took more of a
/// report's time than anything else it did with it. Any JSON of that shape is read (keys in any order, unknown
/// keys skipped, whitespace, escapes); anything else is nil, as the decoder's error was.
struct StoredPatternReader {
    /// Bounds-checked: the bytes come from a file that may be damaged.
    private let bytes: [UInt8]
    private var at = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The stored pattern in `data`, or nil if it is not one.
    static func read(_ data: Data) -> DisclosurePattern.Stored? {
        var reader = StoredPatternReader(Array(data))
        guard let stored = try? reader.stored(), reader.atEnd() else { return nil }
        return stored
    }

    private struct Malformed: Error {}

    private mutating func stored() throws -> DisclosurePattern.Stored {
        var columns: [String]?, units: [CohortUnit]?, hidden: [Int: [String]]?, families: [[[Int]]]?, zeros: Int?
        try object { reader, key in
            switch key {
            case "columns": columns = try reader.array { try $0.string() }
            case "units": units = try reader.array { try $0.unit() }
            case "hidden":
                var cells: [Int: [String]] = [:]
                try reader.object { reader, key in
                    guard let index = Int(key) else { throw Malformed() }
                    cells[index] = try reader.array { try $0.string() }
                }
                hidden = cells
            case "families": families = try reader.array { try $0.array { try $0.array { try $0.integer() } } }
            case "exposedZeros": zeros = try reader.integer()
            default: try reader.skipValue()
            }
        }
        guard let columns, let units, let hidden, let families, let zeros else { throw Malformed() }
        return DisclosurePattern.Stored(columns: columns, units: units, hidden: hidden, families: families, exposedZeros: zeros)
    }

    /// A ``CohortUnit`` as its synthesized `Codable` writes it: `groupAttribute` absent for a whole unit.
    private mutating func unit() throws -> CohortUnit {
        var level: CohortUnit.Level?, group: CohortUnit.GroupAttribute?
        var school: String?, grade: String?, className: String?, groupValue: String?
        try object { reader, key in
            switch key {
            case "level": level = CohortUnit.Level(rawValue: try reader.string())
            case "school": school = try reader.string()
            case "grade": grade = try reader.string()
            case "className": className = try reader.string()
            case "groupValue": groupValue = try reader.string()
            case "groupAttribute":
                if try !reader.null() {
                    guard let attribute = CohortUnit.GroupAttribute(rawValue: try reader.string()) else { throw Malformed() }
                    group = attribute
                }
            default: try reader.skipValue()
            }
        }
        guard let level, let school, let grade, let className, let groupValue else { throw Malformed() }
        var unit = CohortUnit(level: level, school: school, grade: grade, className: className)
        (unit.groupAttribute, unit.groupValue) = (group, groupValue)
        return unit
    }

    // MARK: JSON

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    private mutating func atEnd() -> Bool {
        skipSpace()
        return at == bytes.count
    }

    /// Consumes `byte` after any whitespace, or says it is not next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    private mutating func expect(_ byte: UInt8) throws { guard take(byte) else { throw Malformed() } }

    private mutating func array<T>(_ element: (inout Self) throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "["))
        var values: [T] = []
        if take(UInt8(ascii: "]")) { return values }
        repeat { values.append(try element(&self)) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return values
    }

    private mutating func object(_ member: (inout Self, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    private mutating func null() throws -> Bool {
        skipSpace()
        guard at + 4 <= bytes.count, bytes[at] == UInt8(ascii: "n") else { return false }
        guard bytes[at + 1] == UInt8(ascii: "u"), bytes[at + 2] == UInt8(ascii: "l"), bytes[at + 3] == UInt8(ascii: "l") else {
            throw Malformed()
        }
        at += 4
        return true
    }

    /// A whole number as JSON writes one (no fraction or exponent).
    private mutating func integer() throws -> Int {
        skipSpace()
        let negative = at < bytes.count && bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        let start = at
        var value = 0
        while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[at] - 0x30))
            guard !overflow1, !overflow2 else { throw Malformed() }
            value = sum
            at += 1
        }
        guard at > start, at - start == 1 || bytes[start] != 0x30 else { throw Malformed() }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") || bytes[at] | 0x20 == UInt8(ascii: "e") { throw Malformed() }
        return negative ? -value : value
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = at
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") {
            guard bytes[at] >= 0x20 else { throw Malformed() }
            at += 1
        }
        guard at < bytes.count else { throw Malformed() }
        if bytes[at] == UInt8(ascii: "\"") {
            defer { at += 1 }
            return try Self.text(bytes[start..<at])
        }
        // Escapes: the rest byte by byte.
        var text = Array(bytes[start..<at])
        while true {
            guard at < bytes.count else { throw Malformed() }
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""): return try Self.text(text[...])
            case UInt8(ascii: "\\"): try escape(into: &text)
            case ..<0x20: throw Malformed()
            default: text.append(byte)
            }
        }
    }

    private mutating func escape(into text: inout [UInt8]) throws {
        guard at < bytes.count else { throw Malformed() }
        let byte = bytes[at]
        at += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hex4()
            if (0xD800..<0xDC00).contains(value) {
                // A surrogate pair: the low half must follow.
                guard take(UInt8(ascii: "\\")), at < bytes.count, bytes[at] == UInt8(ascii: "u") else { throw Malformed() }
                at += 1
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw Malformed() }
            text.append(contentsOf: String(Character(scalar)).utf8)
        default: throw Malformed()
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count else { throw Malformed() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Malformed()
            }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    /// Valid UTF-8 only, as the decoder required.
    private static func text(_ utf8: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Malformed() }
        return text
    }

    /// Any value, for a key this version does not read.
    private mutating func skipValue() throws {
        skipSpace()
        guard at < bytes.count else { throw Malformed() }
        switch bytes[at] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "["): _ = try array { try $0.skipValue() }
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for word in ["true", "false", "null"] where bytes[at...].starts(with: word.utf8) {
                at += word.utf8.count
                return
            }
            throw Malformed()
        default:
            // A number: its characters.
            let start = at
            while at < bytes.count, "+-.0123456789eE".utf8.contains(bytes[at]) { at += 1 }
            guard at > start else { throw Malformed() }
        }
    }
}
