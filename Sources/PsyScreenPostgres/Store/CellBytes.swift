import Foundation
import PostgresNIO

/// A cell's value read straight from the bytes the server sent, for the report's scans (millions of rows): no
/// String, no Array per value. Binary format (what postgres-nio asks for); text format is read too.
extension PostgresCell {
    var isNull: Bool { bytes == nil }

    /// An integer column (int2, int4, int8), or nil for NULL.
    var integer: Int64? {
        guard var buffer = bytes else { return nil }
        if format == .text { return buffer.readString(length: buffer.readableBytes).flatMap { Int64($0) } }
        switch buffer.readableBytes {
        case 8: return buffer.readInteger(as: Int64.self)
        case 4: return buffer.readInteger(as: Int32.self).map(Int64.init)
        case 2: return buffer.readInteger(as: Int16.self).map(Int64.init)
        default: return nil
        }
    }

    /// A float8 column, or nil for NULL.
    var real: Double? {
        guard var buffer = bytes else { return nil }
        if format == .text { return buffer.readString(length: buffer.readableBytes).flatMap { Double($0) } }
        return buffer.readInteger(as: UInt64.self).map { Double(bitPattern: $0) }
    }

    /// A boolean column, or nil for NULL.
    var flag: Bool? {
        guard let buffer = bytes, let byte = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return nil }
        return format == .text ? byte == UInt8(ascii: "t") : byte != 0
    }

    /// Calls `body` with a text column's UTF-8 bytes (empty for NULL).
    func withText<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        guard let buffer = bytes else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try buffer.withUnsafeReadableBytes(body)
    }

    /// A text column as a String ("" for NULL).
    var text: String {
        guard var buffer = bytes else { return "" }
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }
}

/// A few short byte strings (instrument, scale, band ids, stored enum values) to recognise without a String.
struct ByteKeyList {
    private let keys: [[UInt8]]

    init(_ keys: [String]) { self.keys = keys.map { Array($0.utf8) } }

    /// The index of the key equal to `bytes`, or −1.
    func index(_ bytes: UnsafeRawBufferPointer) -> Int {
        for (index, key) in keys.enumerated() where key.count == bytes.count {
            if key.isEmpty || key.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, key.count) == 0 }) { return index }
        }
        return -1
    }
}
