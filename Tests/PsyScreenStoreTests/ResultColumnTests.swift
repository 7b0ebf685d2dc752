import Foundation
import PsyScreen
@testable import PsyScreenStore
import XCTest

/// The attempt's results column reads back exactly what was written: several instruments, empty fields, crisis,
/// and texts holding the column's own separators and escape character.
final class ResultColumnTests: XCTestCase {
    func testEntriesReadBackExactly() throws {
        let entries = [
            ResultColumn.Entry(
                instrumentID: "phq9", instrumentVersion: "1.0", status: "complete", flags: "", crisis: false, validity: "",
                answers: "0,0,1,0,0,0,0,0,0", scales: "total,1,minimal,9,9,complete"),
            ResultColumn.Entry(
                instrumentID: "gad7", instrumentVersion: "1.0", status: "prorated", flags: "self-harm;panic", crisis: true,
                validity: "too-fast:6.5:32;straight-lining:total", answers: "3,,1,-2,12,0,0",
                scales: "total,20.571428571428573,severe,6,7,prorated;somatic,,,2,4,unscored"),
            ResultColumn.Entry(
                instrumentID: "a\tb", instrumentVersion: "1\n2", status: "unscored", flags: "x%09", crisis: false,
                validity: "", answers: "", scales: "a%2Cb%3Bc%252C,0,%25%3B%2Cx 中文,1,1,complete"),
        ]
        let text = ResultColumn.text(entries)
        XCTAssertEqual(
            text,
            "phq9\t1.0\tcomplete\t\t0\t\t0,0,1,0,0,0,0,0,0\ttotal,1,minimal,9,9,complete\n"
                + "gad7\t1.0\tprorated\tself-harm;panic\t1\ttoo-fast:6.5:32;straight-lining:total\t3,,1,-2,12,0,0\t"
                + "total,20.571428571428573,severe,6,7,prorated;somatic,,,2,4,unscored\n"
                + "a%09b\t1%0A2\tunscored\tx%2509\t0\t\t\ta%252Cb%253Bc%25252C,0,%2525%253B%252Cx 中文,1,1,complete")
        XCTAssertEqual(try ResultColumn.entries(text), entries)
        XCTAssertEqual(ResultColumn.text([]), "")
        XCTAssertEqual(try ResultColumn.entries(""), [])
    }

    func testScoredResultsAndTheirAnswersReadBack() throws {
        let results = [
            InstrumentResult(
                instrumentID: "phq9", instrumentVersion: "1.0",
                scales: [
                    ScaleScore(scaleID: "total", score: 12, answered: 9, itemCount: 9, status: .complete, bandID: "moderate")
                ],
                flags: ["item9", "a%b\tc"], hasCrisis: true, validity: [.tooFast(seconds: 6.5, minimum: 32)], status: .complete),
            InstrumentResult(
                instrumentID: "gad7", instrumentVersion: "2.1",
                scales: [ScaleScore(scaleID: "total", score: nil, answered: 2, itemCount: 7, status: .unscored, bandID: nil)],
                flags: [], hasCrisis: false, validity: [.straightLining(scale: "to\ntal")], status: .unscored),
        ]
        let answers: [String: [Int?]] = ["phq9": [1, 2, 3, 0, 1, 2, 0, 1, 2], "gad7": [nil, 1, nil, nil, nil, 2, nil]]
        let text = ResultColumn.text(results) { answers[$0.instrumentID] ?? [] }
        // The bytes an import writes are the text of the results' entries.
        XCTAssertEqual(text, ResultColumn.text(results.map { ResultColumn.Entry($0, answers: answers[$0.instrumentID] ?? []) }))
        let read = try ResultColumn.results(text)
        XCTAssertEqual(read.results, results)
        XCTAssertEqual(read.answers, answers)
    }

    func testATextThatIsNotTheColumnsFailsTheRead() {
        for text in [
            "phq9\t1.0\tcomplete\t\t0\t\t0,1",  // seven fields
            "phq9\t1.0\tcomplete\t\t2\t\t0,1\ttotal,1,minimal,9,9,complete",  // crisis neither 0 nor 1
            "phq9%2\t1.0\tcomplete\t\t0\t\t0,1\ttotal,1,minimal,9,9,complete",  // a cut escape
            "phq9%41\t1.0\tcomplete\t\t0\t\t0,1\ttotal,1,minimal,9,9,complete",  // an escape the column never writes
        ] {
            XCTAssertThrowsError(try ResultColumn.entries(text)) { error in
                XCTAssertEqual((error as? StoredValue)?.column, "attempt.results")
                XCTAssertEqual((error as? StoredValue)?.text, text)
            }
        }
        XCTAssertThrowsError(
            try ResultColumn.results("phq9\t1.0\tfinished\t\t0\t\t0,1\ttotal,1,minimal,9,9,complete")
        ) { error in
            XCTAssertEqual((error as? StoredValue)?.text, "finished")
        }
    }

    func testTheScansReadTheFieldsInPlace() throws {
        let entries = [
            ResultColumn.Entry(
                instrumentID: "phq9", instrumentVersion: "1.0", status: "complete", flags: "", crisis: true, validity: "",
                answers: "0,,12,-1", scales: "total,12,moderate,9,9,complete"),
            ResultColumn.Entry(
                instrumentID: "x\ty", instrumentVersion: "2", status: "unscored", flags: "f", crisis: false, validity: "",
                answers: "", scales: "a%2Cb,1.5,,1,1,complete"),
        ]
        var read: [[String]] = []
        var scratch: [UInt8] = []
        try Array(ResultColumn.text(entries).utf8).withUnsafeBufferPointer { bytes in
            try ResultColumn.forEachLine(bytes) { line in
                var fields: [String] = []
                for index in 0..<8 {
                    fields.append(
                        ResultColumn.withUnescaped(line.field(index), scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
                            ?? "?")
                }
                fields.append(line.crisis ? "crisis" : "-")
                read.append(fields)
            }
        }
        XCTAssertEqual(
            read,
            [
                ["phq9", "1.0", "complete", "", "1", "", "0,,12,-1", "total,12,moderate,9,9,complete", "crisis"],
                ["x\ty", "2", "unscored", "f", "0", "", "", "a%2Cb,1.5,,1,1,complete", "-"],
            ])
        // A line with a field too many or too few fails the read.
        for text in ["a\tb\tc\td\t0\tf\tg\th\ti", "a\tb\tc\td\t0\tf\tg"] {
            XCTAssertThrowsError(
                try Array(text.utf8).withUnsafeBufferPointer { bytes in try ResultColumn.forEachLine(bytes) { _ in } })
        }
    }
}
