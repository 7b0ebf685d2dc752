/// A buffered CSV writer: quotes a field only when it must and can defuse cells that a spreadsheet would run as
/// formulas, by the rule of ``CSVField``.
///
/// ```swift
/// let csv = CSVWriter(fileDescriptor: file.fileDescriptor, name: outPath, options: .init(byteOrderMark: excel))
/// try csv.writeRecord(["student_id", "class", "phq9_total"])
/// try reader.forEachRecord { record in
///     try csv.writeField(record.bytes(at: idColumn), neutralizingFormula: true)   // came from the input
///     try csv.writeField(record.bytes(at: classColumn), neutralizingFormula: true)
///     try csv.writeField(total)                                                   // ours: a number
///     try csv.endRecord()
/// }
/// try csv.flush()
/// ```
package final class CSVWriter {
    /// How to write.
    package struct Options: Sendable {
        package enum LineEnding: Sendable { case lf, crlf }

        /// `.auto` writes commas.
        package var delimiter: CSVDelimiter
        package var lineEnding: LineEnding
        /// Start with a UTF-8 byte order mark, so that Excel opens the file as UTF-8 instead of the ANSI code page.
        package var byteOrderMark: Bool

        package init(delimiter: CSVDelimiter = .comma, lineEnding: LineEnding = .lf, byteOrderMark: Bool = false) {
            self.delimiter = delimiter
            self.lineEnding = lineEnding
            self.byteOrderMark = byteOrderMark
        }
    }

    /// The underlying byte writer (to flush, or to write something that is not CSV).
    package let output: ByteWriter
    @usableFromInline let delimiter: UInt8
    @usableFromInline let crlf: Bool
    /// Whether the next field is the first of its record (behind a pointer for the reason given in ByteWriter).
    @usableFromInline let recordStart: UnsafeMutablePointer<Bool>
    /// 1 for the bytes that force quoting: delimiter, quote, CR, LF.
    @usableFromInline let quoting: UnsafeMutablePointer<UInt8>

    package init(fileDescriptor: Int32, name: String = "-", options: Options = Options()) {
        output = ByteWriter(fileDescriptor: fileDescriptor, name: name)
        delimiter = options.delimiter.byte ?? UInt8(ascii: ",")
        crlf = options.lineEnding == .crlf
        recordStart = .allocate(capacity: 1)
        recordStart.initialize(to: true)
        quoting = .allocate(capacity: 256)
        quoting.initialize(repeating: 0, count: 256)
        for byte in 0...UInt8.max where CSVField.forcesQuotes(byte, delimiter: delimiter) { quoting[Int(byte)] = 1 }
        if options.byteOrderMark {
            // The buffer is empty, so this cannot flush or fail.
            for byte: UInt8 in [0xEF, 0xBB, 0xBF] { try? output.write(byte) }
        }
    }

    deinit {
        quoting.deallocate()
        recordStart.deallocate()
    }

    @inlinable var atRecordStart: Bool {
        get { recordStart.pointee }
        set { recordStart.pointee = newValue }
    }

    /// Writes one field from bytes (UTF-8).
    ///
    /// - Parameter neutralizingFormula: for cells that come from the input. A value starting with `=`, `+`, `-`,
    ///   `@`, tab or CR gets a leading `'`, so Excel and LibreOffice show it as text instead of evaluating it
    ///   (OWASP's advice against CSV injection). Leave it off for numbers the program computed.
    @inlinable @inline(__always)
    package func writeField(_ bytes: UnsafeBufferPointer<UInt8>, neutralizingFormula: Bool = false) throws {
        // Fast path, inlined into the caller: a short cell that needs neither quotes nor a prefix.
        let size = bytes.count
        if size <= 32 && output.capacity &- output.fill.pointee > size
            && !(neutralizingFormula && size > 0 && CSVField.startsFormula(bytes[0]))
        {
            var special: UInt8 = 0
            for byte in bytes { special |= quoting[Int(byte)] }
            if special == 0 {
                let out = output.buffer + output.fill.pointee
                var n = 0
                if !atRecordStart {
                    out[0] = delimiter
                    n = 1
                }
                for index in 0..<size { out[n &+ index] = bytes[index] }
                output.fill.pointee &+= n &+ size
                atRecordStart = false
                return
            }
        }
        try writeQuotedOrLongField(bytes, neutralizingFormula: neutralizingFormula)
    }

    @usableFromInline
    func writeQuotedOrLongField(_ bytes: UnsafeBufferPointer<UInt8>, neutralizingFormula: Bool) throws {
        let prefix = neutralizingFormula && !bytes.isEmpty && CSVField.startsFormula(bytes[0])
        var special: UInt8 = 0
        for byte in bytes { special |= quoting[Int(byte)] }
        if !atRecordStart { try output.write(delimiter) }
        atRecordStart = false
        guard special != 0 || prefix else {
            try output.write(bytes)  // a long plain field: straight from the caller's bytes
            return
        }
        var field: [UInt8] = []
        field.reserveCapacity(bytes.count + 4)
        CSVField.append(bytes, to: &field, delimiter: delimiter, neutralizingFormula: neutralizingFormula)
        try field.withUnsafeBufferPointer { try output.write($0) }
    }

    /// Writes one field from a string (see ``writeField(_:neutralizingFormula:)-(UnsafeBufferPointer<UInt8>,_)``).
    package func writeField(_ string: String, neutralizingFormula: Bool = false) throws {
        var string = string
        try string.withUTF8 { try writeField($0, neutralizingFormula: neutralizingFormula) }
    }

    /// Writes an integer field (never quoted, never neutralized).
    @inlinable @inline(__always)
    package func writeField(_ value: Int) throws {
        // Fast path, inlined: 0…99 covers every questionnaire score.
        if UInt(bitPattern: value) < 100 && output.capacity &- output.fill.pointee >= 3 {
            let out = output.buffer + output.fill.pointee
            var n = 0
            if !atRecordStart {
                out[0] = delimiter
                n = 1
            }
            if value >= 10 {
                out[n] = 0x30 &+ UInt8(truncatingIfNeeded: value / 10)
                n &+= 1
            }
            out[n] = 0x30 &+ UInt8(truncatingIfNeeded: value % 10)
            output.fill.pointee &+= n &+ 1
            atRecordStart = false
            return
        }
        try writeLargeInteger(value)
    }

    @usableFromInline
    func writeLargeInteger(_ value: Int) throws {
        if !atRecordStart { try output.write(delimiter) }
        atRecordStart = false
        try output.write(integer: value)
    }

    /// Writes an empty field.
    package func writeEmptyField() throws {
        if !atRecordStart { try output.write(delimiter) }
        atRecordStart = false
    }

    /// Ends the record with the line ending.
    @inlinable
    package func endRecord() throws {
        atRecordStart = true
        if output.capacity &- output.fill.pointee >= 2 {
            if crlf {
                output.buffer[output.fill.pointee] = 0x0D
                output.fill.pointee &+= 1
            }
            output.buffer[output.fill.pointee] = 0x0A
            output.fill.pointee &+= 1
            return
        }
        if crlf { try output.write(0x0D) }
        try output.write(0x0A)
    }

    /// Writes a whole record of strings and ends it.
    package func writeRecord(_ fields: [String], neutralizingFormulas: Bool = false) throws {
        for field in fields { try writeField(field, neutralizingFormula: neutralizingFormulas) }
        try endRecord()
    }

    /// Writes out everything buffered.
    package func flush() throws { try output.flush() }

}
