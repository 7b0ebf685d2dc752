/// A JSON value written in a fixed key order (reports are read by people too), with a marker-free `null` for
/// every value not shown.
public indirect enum JSONText: Sendable {
    case object([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    public static func count(_ value: Int?) -> JSONText { value.map(JSONText.int) ?? .null }
    public static func number(_ value: Double?) -> JSONText { value.map(JSONText.double) ?? .null }

    /// Two-space indented text with a final newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += inner + Self.quoted(key) + ": "
                value.write(into: &out, indent: inner)
                out += index + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        case .array(let values):
            guard !values.isEmpty else { out += "[]"; return }
            // Short arrays of scalars stay on one line.
            if values.count <= 12, values.allSatisfy({ $0.isScalar }) {
                var parts: [String] = []
                for value in values {
                    var text = ""
                    value.write(into: &text, indent: indent)
                    parts.append(text)
                }
                out += "[" + parts.joined(separator: ", ") + "]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (index, value) in values.enumerated() {
                out += inner
                value.write(into: &out, indent: inner)
                out += index + 1 < values.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .string(let text): out += Self.quoted(text)
        case .int(let value): out += String(value)
        case .double(let value):
            if !value.isFinite { out += "null" }
            else if value == value.rounded(), abs(value) < 1e15 { out += String(Int(value)) }
            else { out += "\(value)" }
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
