import Foundation
import PsyScreen
import XCTest

/// The one rule every output goes through: what it refuses, and how each kind of path is written.
final class OutputGuardTests: XCTestCase {
    var scratch: ScratchDirectory!
    var rule = OutputGuard()
    var input = ""
    var database = ""
    var key = ""

    override func setUpWithError() throws {
        scratch = try ScratchDirectory()
        input = try scratch.file("input.csv", Array("keep\n".utf8))
        database = try scratch.file("school.sqlite", Array("database\n".utf8))
        key = try scratch.file("pseudonym.key", Array("key\n".utf8))
        rule = OutputGuard()
        rule.protect("other.csv", as: .input)
        rule.protect(input, as: .input)
        rule.protectDatabase(database)
        rule.protect(key, as: .pseudonymKey)
    }

    override func tearDown() { scratch = nil }

    func refusal(_ outputs: [OutputGuard.Output]) -> String? {
        do {
            try rule.check(outputs)
            return nil
        } catch {
            return error.description
        }
    }

    func refusal(_ path: String) -> String? { refusal([.init(path: path, option: "-o")]) }

    func testRefusesEveryProtectedFileHoweverItIsNamed() throws {
        XCTAssertEqual(link(input, scratch.path + "/hardlink.csv"), 0)
        XCTAssertEqual(symlink(input, scratch.path + "/symlink.csv"), 0)
        XCTAssertEqual(symlink(database, scratch.path + "/db-link"), 0)
        for path in [input, scratch.path + "/./input.csv", scratch.path + "/hardlink.csv", scratch.path + "/symlink.csv"] {
            XCTAssertEqual(refusal(path), "\(path): refusing to overwrite the input file \(input)")
        }
        XCTAssertEqual(refusal(database), "\(database): refusing to overwrite the database \(database)")
        XCTAssertEqual(
            refusal(scratch.path + "/db-link"), "\(scratch.path)/db-link: refusing to overwrite the database \(database)")
        // The WAL does not exist until SQLite opens the file: refused by its real path.
        XCTAssertEqual(
            refusal(scratch.path + "/../" + (scratch.path as NSString).lastPathComponent + "/school.sqlite-wal"),
            "\(scratch.path)/../\((scratch.path as NSString).lastPathComponent)/school.sqlite-wal: refusing to overwrite \(database)-wal, part of the database \(database)"
        )
        XCTAssertNotNil(refusal(database + "-shm"))
        // A dangling link to the WAL leads to it too.
        XCTAssertEqual(symlink(database + "-wal", scratch.path + "/wal-link"), 0)
        XCTAssertNotNil(refusal(scratch.path + "/wal-link"))
        XCTAssertEqual(refusal(key), "\(key): refusing to overwrite the pseudonym key \(key)")
        XCTAssertNil(refusal(scratch.path + "/out.csv"))
        XCTAssertEqual(try scratch.contents("input.csv"), Array("keep\n".utf8))
    }

    func testTwoOutputsOfOneRunMayNotBeOneFile() throws {
        let outputs: [OutputGuard.Output] = [
            .init(path: scratch.path + "/out.csv", option: "-o"), .init(path: scratch.path + "/./out.csv", option: "--errors"),
        ]
        XCTAssertEqual(refusal(outputs), "\(scratch.path)/./out.csv: -o and --errors name the same file; give each its own")
        XCTAssertNil(
            refusal([
                .init(path: scratch.path + "/a.csv", option: "-o"), .init(path: scratch.path + "/b.csv", option: "--errors"),
            ]))
        // A device written in place by both is no clash: nothing is replaced.
        XCTAssertNil(refusal([.init(path: "/dev/null", option: "-o"), .init(path: "/dev/null", option: "--errors")]))
    }

    func testStandardInputIsProtectedWhenItIsAFile() throws {
        var rule = OutputGuard()
        rule.protect("-", as: .input)
        let saved = dup(STDIN_FILENO)
        defer {
            dup2(saved, STDIN_FILENO)
            close(saved)
        }
        let fd = open(input, O_RDONLY)
        dup2(fd, STDIN_FILENO)
        close(fd)
        XCTAssertThrowsError(try rule.check([.init(path: input, option: "-o")])) { error in
            XCTAssertEqual("\(error)", "\(input): refusing to overwrite standard input, an input of this command")
        }
    }

    func testStandardOutputRedirectedToAProtectedFileIsRefused() throws {
        let saved = dup(STDOUT_FILENO)
        let fd = open(database, O_WRONLY | O_APPEND)
        dup2(fd, STDOUT_FILENO)
        close(fd)
        let refusal = refusal("-")
        dup2(saved, STDOUT_FILENO)
        close(saved)
        XCTAssertEqual(refusal, "-: refusing to overwrite the database \(database)")
        XCTAssertEqual(try scratch.contents("school.sqlite"), Array("database\n".utf8))
    }

    func testARegularFileIsReplacedAtomicallyAndALinkIsReplacedNotFollowed() throws {
        let target = try scratch.file("target.csv", Array("target\n".utf8))
        XCTAssertEqual(symlink(target, scratch.path + "/link.csv"), 0)
        let file = try rule.open(scratch.path + "/link.csv", mode: 0o600)
        XCTAssertEqual(file.kind, .replacement)
        XCTAssertEqual(write(file.fileDescriptor, "new\n", 4), 4)
        try file.commit()
        XCTAssertEqual(try scratch.contents("target.csv"), Array("target\n".utf8))
        XCTAssertEqual(try scratch.contents("link.csv"), Array("new\n".utf8))
        var info = stat()
        XCTAssertEqual(lstat(scratch.path + "/link.csv", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
    }

    func testADeviceIsWrittenInPlaceAndKeepsItsMode() throws {
        let file = try rule.open("/dev/null", mode: 0o600)
        XCTAssertEqual(file.kind, .inPlace)
        XCTAssertNil(file.temporaryPath)
        XCTAssertEqual(write(file.fileDescriptor, "x", 1), 1)
        try file.commit()
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
        XCTAssertEqual(info.st_mode & 0o666, 0o666)
    }

    func testAFIFOIsWrittenInPlace() throws {
        let fifo = scratch.path + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // The reader opens first (O_NONBLOCK), so that opening for writing does not wait.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)
        defer { close(reader) }
        let file = try rule.open(fifo, mode: 0o600)
        XCTAssertEqual(file.kind, .inPlace)
        XCTAssertEqual(write(file.fileDescriptor, "rows\n", 5), 5)
        try file.commit()
        var buffer = [UInt8](repeating: 0, count: 16)
        XCTAssertEqual(read(reader, &buffer, 16), 5)
        XCTAssertEqual(Array(buffer[..<5]), Array("rows\n".utf8))
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
    }

    func testStandardOutputAndDirectories() throws {
        let file = try rule.open("-", mode: 0o600)
        XCTAssertEqual(file.kind, .standardOutput)
        XCTAssertEqual(file.fileDescriptor, STDOUT_FILENO)
        try file.commit()
        XCTAssertNotEqual(fcntl(STDOUT_FILENO, F_GETFD), -1)
        XCTAssertThrowsError(try rule.open(scratch.path, mode: 0o600)) { error in
            XCTAssertEqual((error as? FileError)?.message.english, "is a directory, not a file name")
        }
    }
}
