import Foundation

/// A JSON document with object keys kept in the order they were given (columns stay in a reader's order),
/// rendered pretty-printed.
package indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    package func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// A string or null.
    package static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The document, indented with two spaces (`"key": value`), ending in a newline: the one layout of every
    /// JSON document psyscreen writes.
    package func rendered() -> String {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The value at `indent` (its first line is not indented: the caller placed it).
    package func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let value): JSONEscaping.appendQuoted(value.utf8, to: &out)
        case .integer(let value): out += String(value).utf8
        case .number(let value):
            out +=
                (value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null")
                .utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let values):
            guard !values.isEmpty else { return out += "[]".utf8 }
            out += "[\n".utf8
            for (index, value) in values.enumerated() {
                out += repeatElement(UInt8(ascii: " "), count: indent + 2)
                value.write(to: &out, indent: indent + 2)
                out += (index == values.count - 1 ? "\n" : ",\n").utf8
            }
            out += repeatElement(UInt8(ascii: " "), count: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return out += "{}".utf8 }
            out += "{\n".utf8
            for (index, (key, value)) in members.enumerated() {
                out += repeatElement(UInt8(ascii: " "), count: indent + 2)
                JSONEscaping.appendQuoted(key.utf8, to: &out)
                out += ": ".utf8
                value.write(to: &out, indent: indent + 2)
                out += (index == members.count - 1 ? "\n" : ",\n").utf8
            }
            out += repeatElement(UInt8(ascii: " "), count: indent)
            out.append(UInt8(ascii: "}"))
        }
    }
}
