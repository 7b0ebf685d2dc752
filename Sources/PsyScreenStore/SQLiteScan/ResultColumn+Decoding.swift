import PsyScreen

/// Reading the `results` column from its bytes without a String per field (``ResultColumn``'s format), for the
/// scans that read a whole wave's results.
extension ResultColumn {
    /// One line of the column (one instrument): its eight fields as written (escaped), pointing into the column's
    /// bytes.
    package struct Line {
        fileprivate var base: UnsafePointer<UInt8>
        /// Where each field starts; field n ends one byte before field n + 1 starts (the ninth: the line's end + 1).
        fileprivate var starts: (Int, Int, Int, Int, Int, Int, Int, Int, Int)

        /// Field `index` (0–7, as ``ResultColumn`` lists them), escaped.
        package func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let (from, to): (Int, Int)
            switch index {
            case 0: (from, to) = (starts.0, starts.1)
            case 1: (from, to) = (starts.1, starts.2)
            case 2: (from, to) = (starts.2, starts.3)
            case 3: (from, to) = (starts.3, starts.4)
            case 4: (from, to) = (starts.4, starts.5)
            case 5: (from, to) = (starts.5, starts.6)
            case 6: (from, to) = (starts.6, starts.7)
            default: (from, to) = (starts.7, starts.8)
            }
            return UnsafeBufferPointer(start: base + from, count: to - 1 - from)
        }

        /// The crisis field.
        package var crisis: Bool { base[starts.4] == UInt8(ascii: "1") }
    }

    /// Calls `body` with every line of `bytes`, in order; a text that is not one of the column's fails the read.
    package static func forEachLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (Line) throws(StoredValue) -> Void
    ) throws(StoredValue) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var line = Line(base: base, starts: (0, 0, 0, 0, 0, 0, 0, 0, 0))
        var field = 0
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : lineSeparator
            guard byte == fieldSeparator || byte == lineSeparator else { continue }
            field += 1
            switch field {
            case 1: line.starts.1 = index + 1
            case 2: line.starts.2 = index + 1
            case 3: line.starts.3 = index + 1
            case 4: line.starts.4 = index + 1
            case 5: line.starts.5 = index + 1
            case 6: line.starts.6 = index + 1
            case 7: line.starts.7 = index + 1
            case 8: line.starts.8 = index + 1
            default: throw StoredValue(column: "attempt.results", text: String(decoding: bytes, as: UTF8.self))
            }
            guard byte == lineSeparator else { continue }
            guard field == 8, line.starts.5 - line.starts.4 == 2,
                base[line.starts.4] == UInt8(ascii: "0") || base[line.starts.4] == UInt8(ascii: "1")
            else { throw StoredValue(column: "attempt.results", text: String(decoding: bytes, as: UTF8.self)) }
            try body(line)
            line.starts.0 = index + 1
            field = 0
        }
    }

    /// Calls `body` with `field`'s text, its escapes undone: in place when it has none (answers never have, scales
    /// only for ids with `%`, `,` or `;`), else from `scratch`. Nil for an escape the column does not write.
    package static func withUnescaped<Result, Failure: Error>(
        _ field: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard field.contains(UInt8(ascii: "%")) else { return try body(field) }
        scratch.removeAll(keepingCapacity: true)
        var index = 0
        while index < field.count {
            let byte = field[index]
            guard byte == UInt8(ascii: "%") else {
                scratch.append(byte)
                index += 1
                continue
            }
            guard index + 2 < field.count else { return nil }
            switch (field[index + 1], field[index + 2]) {
            case (UInt8(ascii: "2"), UInt8(ascii: "5")): scratch.append(UInt8(ascii: "%"))
            case (UInt8(ascii: "0"), UInt8(ascii: "9")): scratch.append(fieldSeparator)
            case (UInt8(ascii: "0"), UInt8(ascii: "A")): scratch.append(lineSeparator)
            default: return nil
            }
            index += 3
        }
        let copy = scratch
        return try copy.withUnsafeBufferPointer { bytes throws(Failure) in try body(bytes) }
    }
}
