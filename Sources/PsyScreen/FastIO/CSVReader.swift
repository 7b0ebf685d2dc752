#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming RFC 4180 CSV reader that hands out records in place, without a `String` per field.
///
/// It reads about one chunk (1 MiB) at a time, so memory does not grow with the file; converts GB18030 to UTF-8
/// on the way (see ``CSVEncoding``); and knows the physical line each record starts on, for messages a counselor
/// can act on.
///
/// What it accepts: quoted fields containing delimiters, doubled quotes and line breaks; LF, CRLF and lone CR line
/// ends; a UTF-8 byte order mark; a last record without a line break. Blank lines are skipped (but counted). It is
/// lenient where Excel is: a quote inside an unquoted field is kept, and text after a closing quote (`"a"b`) is
/// appended. It is strict where data would be lost: a quoted field still open at the end of the file is an
/// ``InputError`` at the line its record starts on, as are bytes that are not text in the file's encoding.
///
/// ```swift
/// let reader = try CSVReader(path: path, options: .init(encoding: .auto))
/// guard let header = try reader.nextRecord({ $0.strings }) else { throw … }  // the first record
/// let itemColumns = …                                                        // from the header
/// try reader.forEachRecord { record in
///     for column in itemColumns {
///         if record.isBlank(at: column) { … missing … }
///         else if let value = record.integer(at: column) { … } else { … record.line … }
///     }
///     let id = record.string(at: idColumn)                                    // only what must be kept
/// }
/// print("encoding: \(reader.encoding.displayName)")
/// ```
package final class CSVReader {
    /// How to read the file.
    package struct Options: Sendable {
        package var delimiter: CSVDelimiter
        package var encoding: CSVEncoding
        /// Bytes read per `read(2)`; records longer than this still work. Small values are for tests.
        package var chunkSize: Int
        /// A record that needs more buffer than this is an error rather than a reason to hold the rest of the
        /// file in memory: in practice it is a quote that is never closed.
        package var maximumRecordSize: Int

        package init(
            delimiter: CSVDelimiter = .auto, encoding: CSVEncoding = .auto, chunkSize: Int = 1 << 20,
            maximumRecordSize: Int = 16 << 20
        ) {
            self.delimiter = delimiter
            self.encoding = encoding
            self.chunkSize = chunkSize
            self.maximumRecordSize = maximumRecordSize
        }
    }

    /// The file name used in error locations (`<stdin>` for standard input).
    package var name: String { input.name }

    let input: CSVInput
    /// The delimiter byte, 0 until detected from the header line.
    var delimiterByte: UInt8
    /// 1 for the delimiter, CR and LF: the bytes that end an unquoted field.
    let terminators: UnsafeMutablePointer<UInt8>
    /// Two offsets per field of the current record.
    var spans: UnsafeMutablePointer<Int>
    /// What the records handed out point into.
    let storage = RecordStorage()
    var spanCapacity = 64
    var recordCount = 0
    var recordLine = 0
    /// The physical line at `input.start`.
    var nextLine = 1
    var inputDone = false
    var finished = false

    /// Opens `path` for reading; `-` reads standard input.
    /// - Throws: ``FileError`` if it cannot be opened or is a directory.
    package convenience init(path: String, options: Options = Options()) throws {
        if path == "-" {
            try self.init(fileDescriptor: STDIN_FILENO, name: "<stdin>", closeWhenDone: false, options: options)
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError.system(path, .openForReading) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FileError(path: path, .isDirectoryNotCSV)
        }
        #if os(Linux)
            posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        try self.init(fileDescriptor: fd, name: path, closeWhenDone: true, options: options)
    }

    /// Reads from an open descriptor (a pipe, a socket, a file), naming it `name` in errors.
    package init(fileDescriptor: Int32, name: String, closeWhenDone: Bool = false, options: Options = Options()) throws {
        input = try CSVInput(
            descriptor: fileDescriptor, name: name, closesDescriptor: closeWhenDone,
            encoding: options.encoding, chunkSize: options.chunkSize, maximumRecordSize: options.maximumRecordSize)
        terminators = .allocate(capacity: 256)
        terminators.initialize(repeating: 0, count: 256)
        spans = .allocate(capacity: 2 * spanCapacity)
        delimiterByte = 0
        if let byte = options.delimiter.byte { setDelimiter(byte) }
    }

    deinit {
        terminators.deallocate()
        spans.deallocate()
    }

    /// The encoding the file is decoded from. With `auto` it is `.utf8` until GB18030 is detected, so read it
    /// after the records (a pure ASCII file is both, and reports `.utf8`).
    package var encoding: CSVEncoding { input.encoding }

    /// Bytes read from the file so far (as stored, before any conversion): with the file's size, how far along
    /// a long read is. The reader reads ahead, so it runs up to a chunk before the records handed out.
    package var bytesRead: Int { input.bytesRead }

    /// The delimiter in use: `.auto` until the header line has been read.
    package var delimiter: CSVDelimiter { CSVDelimiter(byte: delimiterByte) ?? .auto }

    /// Reads the next record and passes it to `body`; `nil` at the end of the file.
    package func nextRecord<Result>(_ body: (TableRecord) throws -> Result) throws -> Result? {
        guard try advance() else { return nil }
        return try body(currentRecord)
    }

    /// The next record, or `nil` at the end of the file: for loops too hot for a closure per record. The record is
    /// valid only until the next call to any reading method (its bytes are then overwritten).
    @inline(__always)
    package func next() throws -> TableRecord? {
        guard try advance() else { return nil }
        return currentRecord
    }

    /// Passes every remaining record to `body`, in order. Throw from `body` to stop early.
    package func forEachRecord(_ body: (TableRecord) throws -> Void) throws {
        while try advance() { try body(currentRecord) }
    }

    private var currentRecord: TableRecord {
        TableRecord(
            storage: storage, generation: storage.publish(base: input.base, spans: spans), count: recordCount,
            line: recordLine)
    }

    /// Parses the next record into `spans`, refilling the buffer as needed. `false` at the end of the input.
    private func advance() throws -> Bool {
        storage.invalidate()  // the buffer may move or be overwritten from here on
        if finished { return false }
        while true {
            switch try parseRecord(atEOF: inputDone) {
            case .record:
                return true
            case .end:
                finished = true
                return false
            case .needMore:
                if try !input.refill(lineAtStart: nextLine) { inputDone = true }
            }
        }
    }

    func setDelimiter(_ byte: UInt8) {
        delimiterByte = byte
        terminators[Int(byte)] = 1
        terminators[0x0A] = 1
        terminators[0x0D] = 1
    }

    func growSpans() {
        let newSpans = UnsafeMutablePointer<Int>.allocate(capacity: 4 * spanCapacity)
        newSpans.update(from: spans, count: 2 * spanCapacity)
        spans.deallocate()
        spans = newSpans
        spanCapacity *= 2
    }
}
