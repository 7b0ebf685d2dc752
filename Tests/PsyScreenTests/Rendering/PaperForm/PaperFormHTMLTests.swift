import Foundation
@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The printed form's HTML: the published wording and the keyed values in the template's column order, nothing
/// fetched or run, no scores, the right people on the right pages.
final class PaperFormHTMLTests: XCTestCase {
    let annual = Fixtures.catalog.battery("annual")!

    static func student(_ id: String, _ name: String, className: String = "2025级1班") -> Student {
        Student(studentID: id, name: name, school: "第一职业中专", grade: "2025", className: className, gender: "女", status: .enrolled)
    }

    /// The item rows of `html`, in order.
    func rows(_ html: String) -> [Substring] {
        html.components(separatedBy: "<tr style=").dropFirst().map { Substring($0.prefix { $0 != "\n" }) }
    }

    func testEveryItemWordForWordWithItsValuesInTemplateColumnOrder() throws {
        for language in Language.allCases {
            let html = PaperFormHTML.render(PaperForm(battery: annual, language: language), for: .blank(idBoxes: 10))
            let header = ResultColumns(annual.instruments).templateHeader
            XCTAssertEqual(Array(header.prefix(3)), ["student_id", "name", "class"])
            let itemColumns = Array(header.dropFirst(3))
            let rows = rows(html)
            XCTAssertEqual(rows.count, 16)
            XCTAssertEqual(rows.count, itemColumns.count)
            for (row, column) in zip(rows, itemColumns) {
                let instrumentID = String(column.split(separator: "_")[0])
                let itemID = String(column.split(separator: "_")[1])
                let instrument = annual.instrument(instrumentID)!
                let item = instrument.item(itemID)!
                XCTAssertTrue(row.contains("<b>\(itemID)</b><code>\(column)</code>"), "\(language) \(column): \(row)")
                XCTAssertTrue(
                    row.contains("<td class=\"text\">\(HTMLText.escape(item.text.text(in: language.rawValue)))</td>"),
                    "\(language) \(column)")
                let values = row.components(separatedBy: "<span class=\"value\">").dropFirst().map { $0.prefix { $0 != "<" } }
                XCTAssertEqual(values.map(String.init), ["0", "1", "2", "3"], "\(language) \(column)")
                XCTAssertEqual(row.components(separatedBy: "<span class=\"box\"></span>").count - 1, 4)
            }
            // The option labels head every table, in value order.
            let labels = instrumentLabels(annual.instrument("phq9")!, language)
            XCTAssertTrue(html.contains(labels), "\(language): \(labels)")
        }
    }

    func instrumentLabels(_ instrument: Instrument, _ language: Language) -> String {
        instrument.responseSets[0].options.map { "<th>\(HTMLText.escape($0.label.text(in: language.rawValue)))</th>" }.joined()
    }

    func testTheTextsAroundTheItemsAreTheBatterysAndTheInstruments() {
        for language in Language.allCases {
            let code = language.rawValue
            let html = PaperFormHTML.render(PaperForm(battery: annual, language: language), for: .blank(idBoxes: 10))
            XCTAssertTrue(html.contains("<h1>\(annual.title.text(in: code))</h1>"))
            for text in [annual.consent, annual.crisis, annual.closing] {
                for paragraph in text.text(in: code).components(separatedBy: "\n\n") {
                    XCTAssertTrue(html.contains("<p>\(HTMLText.escape(paragraph))</p>"), "\(code): \(paragraph)")
                }
            }
            for instrument in annual.instruments {
                XCTAssertTrue(html.contains("<h2>\(instrument.title.text(in: code))</h2>"))
                XCTAssertTrue(html.contains("<p>\(HTMLText.escape(instrument.instructions.text(in: code)))</p>"))
            }
            XCTAssertTrue(html.contains("12356"))
            // PHQ-9 and GAD-7 ask for the same line: printed once, naming both.
            let copyright = annual.instruments[0].copyright
            XCTAssertEqual(html.components(separatedBy: copyright).count - 1, 1)
            XCTAssertTrue(html.contains("(GAD-7)") || html.contains("（GAD-7）"))
            // The crisis text comes after the last item, and the copyright after it.
            let lastItem = html.range(of: "<code>gad7_7</code>")!.upperBound
            let crisis = html.range(of: HTMLText.escape(annual.crisis.text(in: code).components(separatedBy: "\n\n")[0]))!
            XCTAssertLessThan(lastItem, crisis.lowerBound)
            XCTAssertLessThan(crisis.upperBound, html.range(of: copyright)!.lowerBound)
        }
    }

    func testSelfContainedNothingFetchedNothingRun() {
        for language in Language.allCases {
            let html = PaperFormHTML.render(
                PaperForm(battery: annual, language: language), for: .students([Self.student("A1", "高梓")], wave: "2026-autumn"))
            let lowered = html.lowercased()
            for forbidden in [
                "<script", "javascript:", "http:", "https:", "//", "url(", "src=", "href=", "@import", "<link", "<img", "<iframe",
                " on",
            ] {
                // `//` would be a protocol-relative URL; ` on` an event handler attribute such as onload.
                if forbidden == " on" {
                    XCTAssertNil(lowered.range(of: #" on[a-z]+="#, options: .regularExpression), "\(language)")
                } else {
                    XCTAssertFalse(lowered.contains(forbidden), "\(language): \(forbidden)")
                }
            }
            XCTAssertTrue(html.contains("@page { size: A4 portrait;"))
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
        }
    }

    func testNoScoresBandsOrCutOffs() {
        for language in Language.allCases {
            let code = language.rawValue
            let html = PaperFormHTML.render(PaperForm(battery: annual, language: language), for: .blank(idBoxes: 10))
            for instrument in annual.instruments {
                for scale in instrument.scales {
                    XCTAssertFalse(html.contains(scale.label.text(in: code)), scale.label.text(in: code))
                    for band in scale.bands {
                        XCTAssertFalse(html.contains(">\(band.label.text(in: code))<"), band.label.text(in: code))
                        XCTAssertFalse(html.contains(band.id), band.id)
                    }
                }
                for flag in instrument.flags { XCTAssertFalse(html.contains(flag.label.text(in: code))) }
            }
            for word in ["总分", "得分", "分数", "score", "Score", "total", "Total", "cut-off", "band"] {
                XCTAssertFalse(html.contains(word), "\(code): \(word)")
            }
        }
    }

    func testABlankFormHasBoxesForTheIDAndNothingFilledIn() {
        let html = PaperFormHTML.render(PaperForm(battery: annual, language: .chinese), for: .blank(idBoxes: 12))
        XCTAssertTrue(html.contains("<span class=\"idboxes\">\(String(repeating: "<i></i>", count: 12))</span>"))
        XCTAssertTrue(html.contains("<span class=\"field name\"></span>"))
        XCTAssertTrue(html.contains("<span class=\"field class\"></span>"))
        XCTAssertFalse(html.contains("field id"))
        XCTAssertFalse(html.contains("筛查批次"))
        XCTAssertEqual(html.components(separatedBy: "<section class=\"page\">").count - 1, 2)
    }

    func testOneFormPerStudentInTheOrderGivenEachOnItsOwnPages() {
        let students = [
            Self.student("A20250001", "高梓"), Self.student("A20250002", "罗洋宇"),
            Self.student("A20250003", "<阿卜杜&热合曼>", className: "2025级机电\"1\"班"),
        ]
        let form = PaperForm(battery: annual, language: .chinese)
        let html = PaperFormHTML.render(form, for: .students(students, wave: "2026-autumn"))
        let pages = html.components(separatedBy: "<section class=\"page\">").dropFirst()
        XCTAssertEqual(pages.count, students.count * form.pageCount)
        for (index, student) in students.enumerated() {
            let first = pages[pages.startIndex + index * form.pageCount]
            let id = "<span class=\"field id\">\(student.studentID)</span>"
            XCTAssertTrue(first.contains(id), student.studentID)
            let name = HTMLText.escape(student.name)
            XCTAssertTrue(first.contains("<span class=\"field name\">\(name)</span>"), name)
            XCTAssertTrue(first.contains("<h1>"))
            XCTAssertTrue(first.contains("筛查批次 2026-autumn"))
            // Every page of the form names the student and counts the form's own pages.
            for page in 0..<form.pageCount {
                let text = pages[pages.startIndex + index * form.pageCount + page]
                XCTAssertTrue(text.contains("学号 <b>\(student.studentID)</b> · \(name)"))
                XCTAssertTrue(text.contains("第 \(page + 1) 页 / 共 \(form.pageCount) 页"))
            }
            // Nobody else's ID on this student's pages.
            for other in students where other != student {
                XCTAssertFalse(first.contains(other.studentID))
            }
        }
        XCTAssertTrue(html.contains("<span class=\"field class\">2025级机电&quot;1&quot;班</span>"))
        XCTAssertTrue(html.contains("&lt;阿卜杜&amp;热合曼&gt;"))
        XCTAssertFalse(html.contains("<阿卜杜"))
        XCTAssertEqual(html.components(separatedBy: "12356").count - 1, students.count)
    }

    func testALongNameIsSetSmallerNeverCut() {
        let long = Self.student("A1", "阿卜杜热合曼·买买提明·艾力", className: "2025级机电一体化技术（中外合作）3班")
        let html = PaperFormHTML.render(
            PaperForm(battery: annual, language: .chinese), for: .students([long, Self.student("A2", "高梓")], wave: "w"))
        // 12 characters of 1 em and two narrow dots (13.3 ems) at 11.5 pt need 54 mm; the field has 41 mm inside.
        XCTAssertTrue(html.contains("<span class=\"field name\" style=\"font-size:8.40pt\">阿卜杜热合曼·买买提明·艾力</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"field class\" style=\"font-size:"))
        XCTAssertTrue(html.contains("<span class=\"field name\">高梓</span>"))
    }

    func testEnglishFormsUseEnglishWordsAndKeepCJKFontsForNames() {
        let html = PaperFormHTML.render(
            PaperForm(battery: annual, language: .english), for: .students([Self.student("A1", "高梓")], wave: "w"))
        XCTAssertTrue(html.contains("Page 1 of 2"))
        XCTAssertTrue(html.contains(">Student ID<"))
        XCTAssertTrue(html.contains("Little interest or pleasure in doing things"))
        XCTAssertFalse(html.contains("做事时提不起劲或没有兴趣"))
        XCTAssertTrue(html.contains(#"font-family: Arial, "Liberation Sans", Helvetica, "DejaVu Sans", "Microsoft YaHei""#))
    }
}
