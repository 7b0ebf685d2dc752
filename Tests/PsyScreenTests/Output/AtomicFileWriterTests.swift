import Foundation
@testable import PsyScreen
import XCTest

final class AtomicFileWriterTests: XCTestCase {
    func write(_ file: AtomicFileWriter, _ text: String) {
        let bytes = Array(text.utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { Glibc.write(file.fileDescriptor, $0.baseAddress, $0.count) }, bytes.count)
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        return info.st_mode & 0o777
    }

    func testFileAppearsOnlyOnCommit() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/result.csv"
        let file = try AtomicFileWriter(path: path)
        write(file, "a,b\n")
        XCTAssertFalse(scratch.exists("result.csv"))
        let listing = try scratch.listing()
        XCTAssertEqual(listing.count, 1)
        XCTAssertTrue(listing[0].hasPrefix(".result.csv.tmp-"), listing[0])
        XCTAssertEqual(file.temporaryPath, scratch.path + "/" + listing[0])
        try file.commit()
        XCTAssertEqual(try scratch.listing(), ["result.csv"])
        XCTAssertEqual(try scratch.contents("result.csv"), Array("a,b\n".utf8))
        XCTAssertEqual(mode(path) & ~0o644, 0)
        XCTAssertEqual(mode(path) & 0o600, 0o600)
        try file.commit()  // a second commit does nothing
    }

    func testReplacesAnExistingFileOnlyOnCommit() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("result.csv", Array("old\n".utf8))
        let file = try AtomicFileWriter(path: path)
        write(file, "new\n")
        XCTAssertEqual(try scratch.contents("result.csv"), Array("old\n".utf8))
        try file.commit()
        XCTAssertEqual(try scratch.contents("result.csv"), Array("new\n".utf8))
        XCTAssertEqual(try scratch.listing(), ["result.csv"])
    }

    func testDiscardRemovesTheTemporaryFile() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("result.csv", Array("old\n".utf8))
        let file = try AtomicFileWriter(path: path)
        write(file, "half of it")
        file.discard()
        XCTAssertEqual(try scratch.listing(), ["result.csv"])
        XCTAssertEqual(try scratch.contents("result.csv"), Array("old\n".utf8))
        XCTAssertThrowsError(try file.commit())
    }

    func testDroppingWithoutCommitLeavesNothing() throws {
        let scratch = try ScratchDirectory()
        do {
            let file = try AtomicFileWriter(path: scratch.path + "/result.csv")
            write(file, "x")
            XCTAssertEqual(try scratch.listing().count, 1)
        }
        XCTAssertEqual(try scratch.listing(), [])
    }

    func testPrivateModeIsAppliedBeforeWriting() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/register.csv"
        let file = try AtomicFileWriter(path: path, mode: 0o600)
        XCTAssertEqual(mode(try XCTUnwrap(file.temporaryPath)), 0o600)
        write(file, "student_id\n")
        try file.commit()
        XCTAssertEqual(mode(path), 0o600)
    }

    func testErrors() throws {
        let scratch = try ScratchDirectory()
        XCTAssertThrowsError(try AtomicFileWriter(path: scratch.path)) { error in
            XCTAssertEqual((error as? FileError)?.message.english, "is a directory, not a file name")
        }
        XCTAssertThrowsError(try AtomicFileWriter(path: scratch.path + "/missing/out.csv")) { error in
            XCTAssertEqual((error as? FileError)?.code, ENOENT)
        }
    }

    func testStandardOutputIsAPassthrough() throws {
        let file = try AtomicFileWriter(path: "-", mode: 0o600)
        XCTAssertTrue(file.isStandardOutput)
        XCTAssertEqual(file.fileDescriptor, STDOUT_FILENO)
        XCTAssertNil(file.temporaryPath)
        try file.commit()
        XCTAssertNotEqual(fcntl(STDOUT_FILENO, F_GETFD), -1)  // commit did not close it
    }
}
