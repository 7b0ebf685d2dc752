/// A JSON document laid out as ``JSONValue/rendered()`` lays it out — an object whose members are written in order
/// — with one member an array written element by element, so that a listing of a district's students never holds
/// the whole document.
///
/// ```swift
/// let json = JSONArrayStream(before: [("wave", .string(wave))], arrayKey: "students")
/// try out(json.opening)
/// for row in rows { try out(json.element(row)) }
/// try out(json.closing(after: [("rollup", rollup)]))
/// ```
package struct JSONArrayStream {
    /// The document up to the array (its `[` comes with the first element).
    package let opening: String
    private var count = 0

    package init(before: [(String, JSONValue)], arrayKey: String) {
        var out: [UInt8] = Array("{\n".utf8)
        for (key, value) in before {
            Self.appendMember(key, value, to: &out)
            out += ",\n".utf8
        }
        out += "  ".utf8
        JSONEscaping.appendQuoted(arrayKey.utf8, to: &out)
        out += ": ".utf8
        opening = String(decoding: out, as: UTF8.self)
    }

    /// The next element, with what separates it from the one before.
    package mutating func element(_ value: JSONValue) -> String {
        var out: [UInt8] = Array((count == 0 ? "[\n    " : ",\n    ").utf8)
        value.write(to: &out, indent: 4)
        count += 1
        return String(decoding: out, as: UTF8.self)
    }

    /// The end of the array, the members after it, and the end of the document.
    package func closing(after: [(String, JSONValue)] = []) -> String {
        var out: [UInt8] = Array((count == 0 ? "[]" : "\n  ]").utf8)
        for (key, value) in after {
            out += ",\n".utf8
            Self.appendMember(key, value, to: &out)
        }
        out += "\n}\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendMember(_ key: String, _ value: JSONValue, to out: inout [UInt8]) {
        out += "  ".utf8
        JSONEscaping.appendQuoted(key.utf8, to: &out)
        out += ": ".utf8
        value.write(to: &out, indent: 2)
    }
}
