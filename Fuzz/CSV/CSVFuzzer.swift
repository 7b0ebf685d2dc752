import FuzzSupport
import PsyScreen

#if canImport(Glibc)
    import Glibc
#endif

/// Mutated CSV files through ``CSVReader``'s ordinary API, in every encoding (auto, UTF-8, GB18030), a delimiter
/// and a chunk size chosen from the input's length, and every field read as text and as a number. Each input is
/// read twice, in 1 MiB chunks and in tiny ones: the records and the ending (or error) must be the same, since a
/// record split across reads must not change. Only when the read ends in an error may one of them have handed
/// out fewer records first (a bad byte is found as soon as it is read: earlier with larger chunks).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    CSVFuzzer.run(FuzzSupport.bytes(data, size))
    return 0
}

enum CSVFuzzer {
    /// One unlinked file, rewritten for every input: the reader reads it through its descriptor like any file.
    static let descriptor: Int32 = {
        var template = Array("/tmp/psyscreen-fuzz-csv-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        precondition(fd >= 0, "cannot create a scratch file")
        unlink(String(cString: template))
        return fd
    }()

    static func run(_ bytes: [UInt8]) {
        let delimiter = CSVDelimiter.allCases[bytes.count % CSVDelimiter.allCases.count]
        // At least 2: UTF-16 is recognised from the first two bytes of the first read (a real read is 1 MiB; with
        // 1-byte reads a UTF-16 file is called "invalid UTF-8" instead, which is not worth the complexity).
        let tiny = 2 + bytes.count % 13
        for encoding in CSVEncoding.allCases {
            let whole = read(bytes, .init(delimiter: delimiter, encoding: encoding))
            let pieces = read(bytes, .init(delimiter: delimiter, encoding: encoding, chunkSize: tiny))
            let agree =
                whole.ending == pieces.ending
                && (whole.records == pieces.records
                    || whole.ending.hasPrefix("error")
                        && (whole.records.starts(with: pieces.records) || pieces.records.starts(with: whole.records)))
            if !agree {
                fatalError(
                    "chunk size \(tiny) reads differently from 1 MiB (\(encoding), \(delimiter)):\n\(whole)\n---\n\(pieces)")
            }
            // A record limit smaller than the input: an error or the same records, never a trap.
            _ = read(bytes, .init(delimiter: delimiter, encoding: encoding, chunkSize: tiny, maximumRecordSize: 64))
        }
    }

    /// Every record's line and fields (as text, and the integers), and how the read ended.
    static func read(_ bytes: [UInt8], _ options: CSVReader.Options) -> (records: [String], ending: String) {
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, bytes, bytes.count, 0) == bytes.count,
            lseek(descriptor, 0, SEEK_SET) == 0
        else { fatalError("cannot write the scratch file") }
        var records: [String] = []
        do {
            let reader = try CSVReader(fileDescriptor: descriptor, name: "fuzz.csv", closeWhenDone: false, options: options)
            try reader.forEachRecord { record in
                var text = "\(record.line):"
                for index in 0..<record.count {
                    text += record.string(at: index)
                    text += record.integer(at: index).map { "=\($0)" } ?? ""
                    text += record.isBlank(at: index) ? "_" : ""
                    text += "|"
                }
                records.append(text)
            }
            return (records, "end \(reader.encoding) \(reader.delimiter)")
        } catch {
            return (records, "error: \(error)")
        }
    }
}
