import Foundation
import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Files from anywhere must not make the loader read local files, reach the network, or blow up.
final class HostileXMLTests: XCTestCase {
    let loader = try! InstrumentLoader(schemaPath: Fixtures.schemaPath)

    func messages(_ xml: String, file: String = "hostile.xml") -> [String] {
        do {
            _ = try loader.load(Array(xml.utf8), file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func testExternalEntityPointingAtALocalFileIsNeverRead() throws {
        let directory = makeTemporaryDirectory()
        let secret = directory + "/secret.txt"
        try "TOP-SECRET-7f3a".write(toFile: secret, atomically: true, encoding: .utf8)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE instrument [ <!ENTITY xxe SYSTEM "file://\(secret)"> ]>
            <instrument xmlns="urn:psyscreen:instrument:1" id="x" version="1"><title xml:lang="en">&xxe;</title></instrument>
            """
        let result = messages(xml)
        XCTAssertEqual(result, ["hostile.xml:2: error: a DOCTYPE is not allowed in psyscreen files (no DTDs or entities)"])
        XCTAssertFalse(result.joined().contains("TOP-SECRET"))
    }

    func testBillionLaughsIsRejectedAtOnce() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        var previous = "lol"
        for level in 1...9 {
            xml += "<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
            previous = "lol\(level)"
        }
        xml += "]>\n<instrument>&lol9;</instrument>\n"
        // Refused at the DOCTYPE, before any entity could expand (that would take seconds and gigabytes).
        XCTAssertEqual(messages(xml), ["hostile.xml:2: error: a DOCTYPE is not allowed in psyscreen files (no DTDs or entities)"])
    }

    func testAnyDoctypeIsRejectedEvenAnInnocentOne() {
        let xml = "<?xml version=\"1.0\"?>\n\n<!DOCTYPE instrument>\n<instrument/>\n"
        XCTAssertEqual(messages(xml), ["hostile.xml:3: error: a DOCTYPE is not allowed in psyscreen files (no DTDs or entities)"])
    }

    func testUnclosedTagsReportLineAndColumn() {
        let xml = """
            <?xml version="1.0"?>
            <instrument xmlns="urn:psyscreen:instrument:1" id="x" version="1">
              <title xml:lang="en">Broken
            </instrument>
            """
        XCTAssertEqual(
            messages(xml),
            [
                "hostile.xml:4:14: error: Opening and ending tag mismatch: title line 3 and instrument",
                "hostile.xml:4:14: error: Premature end of data in tag instrument line 2",
            ])
    }

    func testTenThousandDeepNestingIsRefused() {
        let xml = "<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        XCTAssertEqual(messages(xml), ["hostile.xml:2:772: error: elements are nested too deeply (more than 256 levels)"])
    }

    func testAnUndefinedEntityIsAnError() {
        let xml = "<?xml version=\"1.0\"?>\n<instrument>&nope;</instrument>\n"
        XCTAssertEqual(messages(xml), ["hostile.xml:2:19: error: Entity 'nope' not defined"])
    }

    func testNotXMLAtAll() {
        XCTAssertEqual(messages("student_id,phq9_1\n1,2\n"), ["hostile.xml:1:1: error: Start tag expected, '<' not found"])
    }

    func testAnOversizedFileIsRefusedBeforeParsing() throws {
        let directory = makeTemporaryDirectory()
        let path = directory + "/big.xml"
        try Data(repeating: 0x20, count: InstrumentLoader.sizeLimit + 1).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try loader.load(path)) { error in
            XCTAssertEqual(
                (error as? InputError)?.description,
                "\(path):1: error: file is too large (1048577 bytes; the limit is 1048576)")
        }
    }
}
