import Foundation
import PsyScreen
import XCTest

/// A fresh directory per test (tests run in parallel), removed afterwards.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "psyscreen-tabular-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let filePath = "\(path)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: filePath))
        return filePath
    }

    func contents(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(path)/\(name)")))
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: "\(path)/\(name)") }

    /// Names in the directory, sorted (hidden files included).
    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}

/// A descriptor every write to fails with EBADF: the read end of a pipe whose write end is closed. The caller
/// closes it.
func unwritableDescriptor() -> Int32 {
    var fds: [Int32] = [0, 0]
    precondition(pipe(&fds) == 0, "pipe failed")
    close(fds[1])
    return fds[0]
}

/// Chunk sizes that put chunk boundaries everywhere: inside CRLF, doubled quotes and multi-byte characters.
let boundaryChunkSizes = [1, 2, 3, 5, 7, 64, 1 << 20]

/// Reads every record of `path` as plain values.
func readRows(_ path: String, _ options: CSVReader.Options = .init()) throws -> [Row] {
    let reader = try CSVReader(path: path, options: options)
    var rows: [Row] = []
    try reader.forEachRecord { rows.append(Row($0.line, $0.strings)) }
    return rows
}

/// Writes `bytes` to a file and reads it with every chunk size in ``boundaryChunkSizes``; fails unless all agree.
func parse(
    _ bytes: [UInt8], _ options: CSVReader.Options = .init(), file: StaticString = #filePath, line: UInt = #line
) throws -> [Row] {
    let scratch = try ScratchDirectory()
    let path = try scratch.file("input.csv", bytes)
    var first: [Row]?
    for size in boundaryChunkSizes {
        var sized = options
        sized.chunkSize = size
        let rows = try readRows(path, sized)
        if let first {
            XCTAssertEqual(rows, first, "chunk size \(size) disagrees", file: file, line: line)
        } else {
            first = rows
        }
    }
    return first ?? []
}

func parse(
    _ text: String, _ options: CSVReader.Options = .init(), file: StaticString = #filePath, line: UInt = #line
)
    throws -> [Row]
{
    try parse(Array(text.utf8), options, file: file, line: line)
}

/// The ``InputError`` that reading `bytes` throws (with every chunk size: all must throw the same), or a failure.
func parseError(
    _ bytes: [UInt8], _ options: CSVReader.Options = .init(), file: StaticString = #filePath, line: UInt = #line
) throws -> Diagnostic? {
    let scratch = try ScratchDirectory()
    let path = try scratch.file("input.csv", bytes)
    var found: Diagnostic?
    for size in boundaryChunkSizes {
        var sized = options
        sized.chunkSize = size
        do {
            _ = try readRows(path, sized)
            XCTFail("no error with chunk size \(size)", file: file, line: line)
        } catch let error as InputError {
            let diagnostic = error.diagnostics[0]
            XCTAssertEqual(diagnostic.location.file, path, file: file, line: line)
            if let found {
                XCTAssertEqual(diagnostic, found, "chunk size \(size) disagrees", file: file, line: line)
            } else {
                found = diagnostic
            }
        }
    }
    return found
}
