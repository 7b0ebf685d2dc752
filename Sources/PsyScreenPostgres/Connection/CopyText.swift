import Foundation
import PostgresNIO

/// Rows in `COPY … FROM STDIN` text format: fields separated by tabs, rows ended by a newline, `\N` for NULL,
/// and backslash, tab, newline and carriage return escaped.
struct CopyText {
    var buffer: ByteBuffer
    private var first = true
    /// The last time written: an import stamps every row with the same one.
    private var lastTime: (milliseconds: Int64, text: String)?

    init(_ buffer: ByteBuffer) { self.buffer = buffer }

    mutating func field(_ text: String?) {
        separate()
        guard let text else {
            buffer.writeStaticString("\\N")
            return
        }
        var plain = true
        for byte in text.utf8 where byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            plain = false
            break
        }
        if plain {
            buffer.writeString(text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x5C: buffer.writeStaticString("\\\\")
            case 0x09: buffer.writeStaticString("\\t")
            case 0x0A: buffer.writeStaticString("\\n")
            case 0x0D: buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    mutating func field<Number: BinaryInteger>(_ number: Number?) {
        separate()
        guard let number else {
            buffer.writeStaticString("\\N")
            return
        }
        buffer.writeString(String(number))
    }

    mutating func field(_ number: Double?) {
        separate()
        guard let number else {
            buffer.writeStaticString("\\N")
            return
        }
        // The shortest text that reads back as the same double.
        buffer.writeString("\(number)")
    }

    mutating func field(_ flag: Bool) {
        separate()
        buffer.writeStaticString(flag ? "t" : "f")
    }

    /// A time to the millisecond (the stores keep no more), UTC, as PostgreSQL reads a `timestamptz`.
    mutating func field(_ date: Date?) {
        guard let date else {
            separate()
            buffer.writeStaticString("\\N")
            return
        }
        // Rounded: the times written are whole milliseconds already, a hair off in binary.
        field(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    mutating func field(milliseconds: Int64) {
        separate()
        if let lastTime, lastTime.milliseconds == milliseconds {
            buffer.writeString(lastTime.text)
            return
        }
        var seconds = time_t(milliseconds.quotientAndRemainder(dividingBy: 1000).quotient)
        var fraction = Int(milliseconds % 1000)
        if fraction < 0 {
            fraction += 1000
            seconds -= 1
        }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let text = String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%03d+00", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction)
        lastTime = (milliseconds, text)
        buffer.writeString(text)
    }

    /// Ends the row.
    mutating func end() {
        buffer.writeInteger(UInt8(0x0A))
        first = true
    }

    private mutating func separate() {
        if first { first = false } else { buffer.writeInteger(UInt8(0x09)) }
    }
}
