/// Writes one JSON object per line (`--format jsonl`), field by field, without building dictionaries.
///
/// ```swift
/// try json.field("student_id", string: id)
/// try json.field("phq9_total", integer: total)      // nil writes null
/// try json.endObject()                              // writes "}\n"
/// ```
package final class JSONLinesWriter {
    /// The underlying byte writer.
    package let output: ByteWriter
    private var fieldsInObject = 0

    package init(fileDescriptor: Int32, name: String = "-") {
        output = ByteWriter(fileDescriptor: fileDescriptor, name: name)
    }

    /// A string member.
    package func field(_ key: String, string: String) throws {
        try writeKey(key)
        try output.writeJSONString(string)
    }

    /// A number member, or `null` for `nil`.
    package func field(_ key: String, integer: Int?) throws {
        try writeKey(key)
        if let integer { try output.write(integer: integer) } else { try output.write("null") }
    }

    /// A boolean member.
    package func field(_ key: String, bool: Bool) throws {
        try writeKey(key)
        try output.write(bool ? "true" : "false")
    }

    /// A `null` member.
    package func nullField(_ key: String) throws {
        try writeKey(key)
        try output.write("null")
    }

    /// Closes the object and the line (`{}` if it had no members).
    package func endObject() throws {
        if fieldsInObject == 0 { try output.write(UInt8(ascii: "{")) }
        try output.write(UInt8(ascii: "}"))
        try output.write(0x0A)
        fieldsInObject = 0
    }

    /// Writes out everything buffered.
    package func flush() throws { try output.flush() }

    private func writeKey(_ key: String) throws {
        try output.write(UInt8(ascii: fieldsInObject == 0 ? "{" : ","))
        fieldsInObject += 1
        try output.writeJSONString(key)
        try output.write(UInt8(ascii: ":"))
    }
}
