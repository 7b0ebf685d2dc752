import PsyScreen
import XCTest

/// Wrapping at the terminal width with CJK characters counted as two columns.
final class TextWrapperTests: XCTestCase {
    func testChineseWrapsAtTwoColumnsPerCharacterAndKeepsPunctuationOffTheLineStart() {
        let text = "在过去两个星期，有多少时候您受到以下任何问题所困扰？"
        let lines = TextWrapper.wrap(text, width: 20)
        XCTAssertEqual(lines, ["在过去两个星期，有多", "少时候您受到以下任何", "问题所困扰？"])
        XCTAssertEqual(lines.map(DisplayWidth.of), [20, 20, 12])
        XCTAssertEqual(lines.joined(), text)
        // At 14 columns "，" would start the second line: it goes down with the character before it.
        XCTAssertEqual(TextWrapper.wrap(text, width: 16), ["在过去两个星期，", "有多少时候您受到", "以下任何问题所困", "扰？"])
        XCTAssertEqual(TextWrapper.wrap(text, width: 14), ["在过去两个星", "期，有多少时候", "您受到以下任何", "问题所困扰？"])
    }

    func testEveryLineFitsAndNothingIsLost() {
        let text = "觉得自己很糟——或觉得自己很失败，或让自己或家人失望（PHQ-9 第6题）。Feeling bad about yourself — or that you are a failure"
        for width in 6...60 {
            let lines = TextWrapper.wrap(text, width: width)
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width): \(lines)")
            XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " }, "width \(width)")
        }
        for width in 10...60 {
            let lines = TextWrapper.wrap(text, width: width)
            XCTAssertFalse(lines.dropFirst().contains { "，。）".contains($0.first!) }, "width \(width): \(lines)")
            XCTAssertFalse(lines.contains { $0.hasSuffix("（") }, "width \(width): \(lines)")
        }
        XCTAssertEqual(TextWrapper.wrap(text, width: 30)[1], "败，或让自己或家人失望（PHQ-9")
    }

    func testEnglishBreaksBetweenWordsAndKeepsTheIndent() {
        XCTAssertEqual(
            TextWrapper.wrap("  b  back to the previous question (you may change your answer)", width: 24),
            ["  b  back to the", "  previous question (you", "  may change your", "  answer)"])
        XCTAssertEqual(TextWrapper.wrap("", width: 10), [""])
        XCTAssertEqual(TextWrapper.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
    }

    func testOptionsArePackedWithoutSplittingOne() {
        let options = ["0 完全不会", "1 好几天", "2 一半以上的天数", "3 几乎每天"]
        XCTAssertEqual(TextWrapper.pack(options, width: 80), ["  0 完全不会   1 好几天   2 一半以上的天数   3 几乎每天"])
        XCTAssertEqual(TextWrapper.pack(options, width: 31), ["  0 完全不会   1 好几天", "  2 一半以上的天数   3 几乎每天"])
        XCTAssertEqual(TextWrapper.pack(options, width: 14), ["  0 完全不会", "  1 好几天", "  2 一半以上的", "  天数", "  3 几乎每天"])
    }

    func testTheRendererWrapsOnlyWhenAWidthIsKnownAndColoursOnlyWhenAllowed() {
        let plain = FlowRenderer()
        XCTAssertEqual(plain.render(.text("一二三四五六")), "一二三四五六\n")
        XCTAssertEqual(plain.render(.crisis("help\n\nnow")), "\nhelp\n\nnow\n")
        XCTAssertEqual(plain.render(.clearScreen), "")
        let terminal = FlowRenderer(width: 8, colour: true, clearSequence: FlowRenderer.ansiClear)
        XCTAssertEqual(terminal.render(.text("一二三四五六")), "一二三四\n五六\n")
        XCTAssertEqual(terminal.render(.crisis("help\n\nnow")), "\n\u{1B}[1;31mhelp\u{1B}[0m\n\n\u{1B}[1;31mnow\u{1B}[0m\n")
        XCTAssertEqual(terminal.render(.prompt("请输入 0–3：")), "请输入\n0–3：")
        XCTAssertEqual(terminal.render(.clearScreen), "\u{1B}[H\u{1B}[2J\u{1B}[3J")
    }
}
