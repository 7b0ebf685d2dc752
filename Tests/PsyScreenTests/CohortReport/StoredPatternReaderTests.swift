import Foundation
@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The stored pattern's JSON read straight from its bytes: what `JSONEncoder` wrote comes back as it was stored and
/// as Foundation's decoder reads it, written any other valid way too; anything else is no pattern.
final class StoredPatternReaderTests: XCTestCase {
    func testAStoredPatternIsReadBackAsTheDecoderReadsIt() throws {
        let (pattern, columns) = try Self.pattern()
        let data = pattern.encoded(columns: columns)
        XCTAssertEqual(DisclosurePattern.decode(data, columns: columns), pattern)
        try Self.assertReadAsDecoded(data)
        // Other valid writings of the same: indented, keys in another order, slashes not escaped.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let pretty = try encoder.encode(try XCTUnwrap(StoredPatternReader.read(data)))
        XCTAssertEqual(DisclosurePattern.decode(pretty, columns: columns), pattern)
        try Self.assertReadAsDecoded(pretty)
    }

    /// Keys this version does not know are skipped, whatever their value; a whole unit may say its group is null.
    func testUnknownKeysAndANullGroupAreRead() throws {
        let (pattern, columns) = try Self.pattern()
        var text = String(decoding: pattern.encoded(columns: columns), as: UTF8.self)
        let whole = #"{"className":"","grade":"","groupValue":"","level":"all","school":""}"#
        XCTAssertTrue(text.contains(whole))
        text = text.replacingOccurrences(
            of: whole,
            with: #"{"school":"","later":[{}],"level":"all","groupValue":"","groupAttribute":null,"grade":"","className":""}"#)
        text = #"{ "future" : {"a":[1, 2.5e3, -0.5, true, false, null, "x\"y\u00e9", [], {}]}, "n": -3,"# + text.dropFirst()
        let data = Data(text.utf8)
        XCTAssertEqual(DisclosurePattern.decode(data, columns: columns), pattern)
        try Self.assertReadAsDecoded(data)
    }

    func testAnythingElseIsNoPattern() throws {
        let (pattern, columns) = try Self.pattern()
        let data = pattern.encoded(columns: columns)
        for length in 0..<data.count { XCTAssertNil(StoredPatternReader.read(data.prefix(length)), "\(length) bytes") }
        let text = String(decoding: data, as: UTF8.self)
        let zeros = #""exposedZeros":7"#
        XCTAssertTrue(text.contains(zeros))
        let school = #""school":"一中""#
        XCTAssertTrue(text.contains(school))
        func replacing(_ old: String, _ new: String) -> String { text.replacingOccurrences(of: old, with: new) }
        var cases: [(label: String, text: String)] = [("trailing text", text + " x")]
        cases.append(("a string for a number", replacing(zeros, #""exposedZeros":"7""#)))
        cases.append(("a fraction", replacing(zeros, #""exposedZeros":7.0"#)))
        cases.append(("a leading zero", replacing(zeros, #""exposedZeros":07"#)))
        cases.append(("an overflow", replacing(zeros, #""exposedZeros":99999999999999999999"#)))
        cases.append(("a missing key", replacing(zeros + ",", "")))
        cases.append(("an unknown escape", replacing(school, #""school":"\q""#)))
        cases.append(("a lone surrogate", replacing(school, #""school":"\ud800x""#)))
        cases.append(("a control character", replacing(school, "\"school\":\"a\u{1}\"")))
        cases.append(("an unknown level", replacing(#""level":"class""#, #""level":"district""#)))
        cases.append(("an unknown group", replacing(#""groupAttribute":"gender""#, #""groupAttribute":"age""#)))
        cases.append(("a unit number that is not one", replacing(#""hidden":{""#, #""hidden":{"x"#)))
        cases.append(("a bare word", replacing(zeros, #""exposedZeros":7,"later":nope"#)))
        for (label, damaged) in cases {
            XCTAssertNotEqual(damaged, text, label)
            XCTAssertNil(StoredPatternReader.read(Data(damaged.utf8)), label)
        }
        var invalid = Array(text.utf8)
        invalid[try XCTUnwrap(invalid.firstIndex(of: 0xE4))] = 0xFF  // the first byte of 一
        XCTAssertNil(StoredPatternReader.read(Data(invalid)), "invalid UTF-8")
    }

    /// Units named with what JSON escapes, each with its groups, some hiding cells of every kind.
    private static func pattern() throws -> (DisclosurePattern, [CohortColumn]) {
        let battery = try XCTUnwrap(Fixtures.catalog.battery("annual"))
        let columns = try TwoSchoolWave().tables(battery: battery).columns
        let names = ["一中", "a\"b", "back\\slash", "a/b", "tab\there", "line\nbreak", "\u{1}", "🧠", "é"]
        var units: [CohortUnit] = [.all]
        for (index, name) in names.enumerated() {
            units.append(CohortUnit(level: .school, school: name))
            units.append(CohortUnit(level: .school, school: name, group: (.gender, name)))
            units.append(CohortUnit(level: .grade, school: name, grade: "2026", group: (.major, "数控")))
            units.append(CohortUnit(level: .class, school: name, grade: "2026", className: "\(index)班"))
        }
        let cells: [CohortCell] = [.screened, .level(.red), .n(0), .band(1, 2)]
        var hidden: [CohortUnit: Set<CohortCell>] = [:]
        for (index, unit) in units.enumerated() where index % 3 == 1 { hidden[unit] = Set(cells.prefix(index % 4 + 1)) }
        let published = Set(units.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        let pattern = DisclosurePattern(
            units: units, hidden: hidden, distributions: columns.map { _ in published },
            reliabilities: columns.map { _ in Set(units.prefix(5)) }, exposedZeros: 7)
        return (pattern, columns)
    }

    private static func assertReadAsDecoded(_ data: Data, line: UInt = #line) throws {
        let read = try XCTUnwrap(StoredPatternReader.read(data), line: line)
        let decoded = try JSONDecoder().decode(DisclosurePattern.Stored.self, from: data)
        XCTAssertEqual(read.columns, decoded.columns, line: line)
        XCTAssertEqual(read.units, decoded.units, line: line)
        XCTAssertEqual(read.hidden, decoded.hidden, line: line)
        XCTAssertEqual(read.families, decoded.families, line: line)
        XCTAssertEqual(read.exposedZeros, decoded.exposedZeros, line: line)
    }
}
