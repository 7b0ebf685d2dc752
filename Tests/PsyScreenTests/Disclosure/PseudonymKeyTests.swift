import Foundation
import PsyScreen
import XCTest

final class PseudonymKeyTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("psyscreen-key-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    func testCreatedKeyFileIsPrivateAndNotOverwritten() throws {
        let url = directory.appendingPathComponent("pseudonym.key")
        let created = try PseudonymKey.create(at: url)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try Data(contentsOf: url).count, 32)

        XCTAssertThrowsError(try PseudonymKey.create(at: url)) { error in
            XCTAssertEqual(error as? PseudonymError, .keyFileExists(path: url.path))
            XCTAssertTrue("\(error)".contains("refusing to overwrite"))
        }
        let loaded = try PseudonymKey.load(from: url)
        XCTAssertEqual(try loaded.pseudonym(for: "20260001"), try created.pseudonym(for: "20260001"))
    }

    func testKeyFileReadableByOthersIsRefused() throws {
        let url = directory.appendingPathComponent("open.key")
        try Data(repeating: 7, count: 32).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        XCTAssertThrowsError(try PseudonymKey.load(from: url)) { error in
            XCTAssertEqual(error as? PseudonymError, .keyFileTooOpen(path: url.path, mode: 0o644))
            XCTAssertEqual(
                "\(error)",
                "pseudonym key file \(url.path) has mode 644; group and others must have no"
                    + " access (run: chmod 600 \(url.path))")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        XCTAssertThrowsError(try PseudonymKey.load(from: url))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        XCTAssertNoThrow(try PseudonymKey.load(from: url))
    }

    func testKeyFileOfWrongSizeIsRefused() throws {
        let url = directory.appendingPathComponent("short.key")
        try Data(repeating: 1, count: 16).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        XCTAssertThrowsError(try PseudonymKey.load(from: url)) { error in
            XCTAssertEqual(error as? PseudonymError, .wrongKeyLength(path: url.path, byteCount: 16))
        }
        XCTAssertThrowsError(try PseudonymKey.load(from: directory.appendingPathComponent("missing.key"))) {
            XCTAssertEqual(
                $0 as? PseudonymError,
                .keyFileMissing(
                    path: self.directory.appendingPathComponent(
                        "missing.key"
                    ).path))
        }
        XCTAssertThrowsError(try PseudonymKey(bytes: [1, 2, 3]))
    }

    func testPseudonymIsHMACOfNormalizedID() throws {
        // python3 -c "import hmac,hashlib; print(hmac.new(bytes(range(32)), b'S2026A01', hashlib.sha256).hexdigest())"
        let key = try PseudonymKey(bytes: Array(0..<32))
        let expected = "9477b06a99c5c7237814b477125a941d3c56137e60269e6c40689a1d7eaff21e"
        XCTAssertEqual(try key.pseudonym(for: "S2026A01"), expected)
        // Full-width letters and digits (a Chinese IME), spaces around, lower case: the same student.
        XCTAssertEqual(try key.pseudonym(for: "  ｓ２０２６ａ０１\u{3000}"), expected)
        XCTAssertEqual(PseudonymKey.normalize(" ｓ２０２６ａ０１ "), "S2026A01")
        XCTAssertNotEqual(try key.pseudonym(for: "S2026A02"), expected)
        XCTAssertThrowsError(try key.pseudonym(for: " \u{3000} "))
    }

    func testDifferentKeysGiveDifferentPseudonyms() throws {
        let a = try PseudonymKey.create(at: directory.appendingPathComponent("a.key"))
        let b = try PseudonymKey.create(at: directory.appendingPathComponent("b.key"))
        XCTAssertEqual(try a.pseudonym(for: "20260001"), try a.pseudonym(for: "20260001"))
        XCTAssertNotEqual(try a.pseudonym(for: "20260001"), try b.pseudonym(for: "20260001"))
        XCTAssertEqual(try a.pseudonym(for: "20260001").count, 64)
    }
}
