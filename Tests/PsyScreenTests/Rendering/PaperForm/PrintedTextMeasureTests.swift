@testable import PsyScreen
import XCTest

final class PrintedTextMeasureTests: XCTestCase {
    func testChineseFillsLinesOneEmPerCharacter() {
        // 45 mm at 10 pt is 12.76 ems; with 3 % kept free, 12 characters fit on a line.
        let width = 45.0
        XCTAssertEqual(PrintedTextMeasure.lines(String(repeating: "心", count: 12), width: width, fontSize: 10), 1)
        XCTAssertEqual(PrintedTextMeasure.lines(String(repeating: "心", count: 13), width: width, fontSize: 10), 2)
        XCTAssertEqual(PrintedTextMeasure.lines(String(repeating: "心", count: 24), width: width, fontSize: 10), 2)
        XCTAssertEqual(PrintedTextMeasure.lines(String(repeating: "心", count: 25), width: width, fontSize: 10), 3)
    }

    func testClosingPunctuationStaysWithTheCharacterBeforeIt() {
        // 11 characters then a comma: the comma cannot start the second line, so the 11th character moves too.
        let text = String(repeating: "心", count: 11) + "，" + "好"
        XCTAssertEqual(PrintedTextMeasure.lines(String(repeating: "心", count: 12), width: 45, fontSize: 10), 1)
        XCTAssertEqual(PrintedTextMeasure.lines(text, width: 45, fontSize: 10), 2)
    }

    func testEnglishBreaksBetweenWords() {
        XCTAssertEqual(PrintedTextMeasure.ems("mW i"), 0.974 + 0.989 + 0.318 + 0.278, accuracy: 1e-9)
        // "Not at all" is 4.5 ems: one line in 20 mm at 10 pt (5.5 ems once 3 % is kept free), two in 10 mm (2.75).
        XCTAssertEqual(PrintedTextMeasure.lines("Not at all", width: 20, fontSize: 10), 1)
        XCTAssertEqual(PrintedTextMeasure.lines("Not at all", width: 10, fontSize: 10), 2)
        // A word longer than the line is cut: 30 "m" (29.2 ems) in 2.75-em lines.
        XCTAssertEqual(PrintedTextMeasure.lines(String(repeating: "m", count: 30), width: 10, fontSize: 10), 11)
    }

    func testParagraphsStartNewLines() {
        XCTAssertEqual(PrintedTextMeasure.lines("好\n\n好", width: 50, fontSize: 10), 2)
        XCTAssertEqual(PrintedTextMeasure.lines("", width: 50, fontSize: 10), 1)
    }
}
