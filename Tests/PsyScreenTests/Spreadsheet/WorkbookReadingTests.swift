import Foundation
import PsyScreenTestSupport
import XCTest

@testable import PsyScreen

/// Reading rows out of hand-written workbooks: every kind of cell Excel stores, gaps, sheets, dates.
final class WorkbookReadingTests: XCTestCase {
    private var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch = nil }

    private func write(_ parts: [String: [UInt8]], _ name: String = "book.xlsx") throws -> String {
        let path = "\(scratch.path)/\(name)"
        try XLSXFixture.write(parts, to: path)
        return path
    }

    private func rows(_ path: String, sheet: String? = nil) throws -> [Row] {
        try SheetRowStream(path: path, sheet: sheet).allRows().map { Row($0.number, $0.cells) }
    }

    func testSharedInlineNumberBooleanCellsAndGaps() throws {
        let strings = XLSXFixture.sharedStrings(["student_id", "name", "phq9_1", "张三", "000123"])
        let sheet = XLSXFixture.sheet(
            #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>"#
                + #"<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>1.0</v></c></row>"#
                + #"<row r="4"><c r="A4" t="inlineStr"><is><t>B7</t></is></c><c r="C4"><v>2.5</v></c></row>"#
                + #"<row r="5"><c r="B5" t="b"><v>1</v></c><c r="C5" t="e"><v>#N/A</v></c><c r="E5" s="0"/></row>"#)
        let path = try write(XLSXFixture.workbook(sheets: [("Sheet1", sheet)], sharedStrings: strings))
        XCTAssertEqual(
            try rows(path),
            [
                Row(1, ["student_id", "name", "phq9_1"]), Row(2, ["000123", "张三", "1"]), Row(3, []),
                Row(4, ["B7", "", "2.5"]), Row(5, ["", "TRUE", "#N/A"]),
            ])
    }

    func testRichTextRunsWithoutPhoneticReadingsAndEscapedCharacters() throws {
        let strings = XLSXFixture.sharedStrings(rawItems: [
            "<si><r><rPr><b/></rPr><t>王</t></r><r><t xml:space=\"preserve\">小明 </t></r><rPh sb=\"0\" eb=\"1\"><t>ワン</t></rPh></si>",
            "<si><t>a_x000D_b_x005F_x0041_</t></si>",
            "<si><t>&lt;&amp;&#x4E2D;&#25991;</t></si>",
        ])
        let sheet = XLSXFixture.sheet(
            "<row r=\"1\">" + XLSXFixture.cell("A1", shared: 0) + XLSXFixture.cell("B1", shared: 1)
                + XLSXFixture.cell("C1", shared: 2)
                + "<c r=\"D1\" t=\"inlineStr\"><is><r><t>x</t></r><r><t>y</t></r><rPh><t>z</t></rPh></is></c></row>")
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)], sharedStrings: strings))
        XCTAssertEqual(try rows(path), [Row(1, ["王小明 ", "a\rb_x0041_", "<&中文", "xy"])])
    }

    func testNumbersAsExcelShowsThem() throws {
        let styles = XLSXFixture.styles(numberFormats: [164: "000000", 165: "0.00"], cellFormats: [0, 164, 49, 165])
        let values = ["1.0", "2.5", "0.30000000000000004", "1E+2", "-0", "20260000000", "1.0000000000000002"]
        var cells = values.enumerated().map { XLSXFixture.cell(CellReference.columnName($0.offset) + "2", number: $0.element) }
        cells += [
            XLSXFixture.cell("H2", number: "123", style: 1), XLSXFixture.cell("I2", number: "123", style: 2),
            XLSXFixture.cell("J2", number: "1.5", style: 1), XLSXFixture.cell("K2", number: "3", style: 3),
        ]
        let sheet = XLSXFixture.sheet(
            #"<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="2">"# + cells.joined() + "</row>")
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)], styles: styles))
        XCTAssertEqual(
            try rows(path)[1].fields, ["1", "2.5", "0.3", "100", "0", "20260000000", "1", "000123", "123", "1.5", "3"])
    }

    func testDatesBecomeISODates() throws {
        // 14: built-in short date; 22: date and time; 31: the Chinese 年月日 built-in; 164: a custom Chinese format;
        // 165: a time; 166: a number format with a quoted "d" that is not a date.
        let styles = XLSXFixture.styles(
            numberFormats: [164: #"yyyy"年"m"月"d"日";@"#, 165: "[h]:mm", 166: #"0.0" days""#],
            cellFormats: [0, 14, 22, 31, 164, 165, 166])
        let cells = [
            XLSXFixture.cell("A2", number: "39945", style: 1), XLSXFixture.cell("B2", number: "39945.75", style: 2),
            XLSXFixture.cell("C2", number: "45000", style: 3), XLSXFixture.cell("D2", number: "1", style: 4),
            XLSXFixture.cell("E2", number: "61", style: 1), XLSXFixture.cell("F2", number: "0.5", style: 5),
            XLSXFixture.cell("G2", number: "2.5", style: 6), #"<c r="H2" t="d"><v>2009-05-12T00:00:00</v></c>"#,
        ]
        let sheet = XLSXFixture.sheet(
            #"<row r="1"><c r="A1" t="inlineStr"><is><t>birth_date</t></is></c></row><row r="2">"# + cells.joined() + "</row>")
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)], styles: styles))
        XCTAssertEqual(
            try rows(path)[1].fields,
            ["2009-05-12", "2009-05-12 18:00:00", "2023-03-15", "1900-01-01", "1900-03-01", "12:00:00", "2.5", "2009-05-12"])

        let path1904 = try write(XLSXFixture.workbook(sheets: [("S", sheet)], styles: styles, date1904: true), "mac.xlsx")
        XCTAssertEqual(try rows(path1904)[1].fields[0], "2013-05-13")
    }

    func testFormulasGiveTheirCachedValueOrTheirText() throws {
        let sheet = XLSXFixture.sheet(
            #"<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1"><f>SUM(A1:B1)</f></c></row>"#
        )
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)]))
        XCTAssertEqual(try rows(path), [Row(1, ["2", "ab", "=SUM(A1:B1)"])])
    }

    func testCellsWithoutReferencesFollowTheirNeighbours() throws {
        let sheet = XLSXFixture.sheet(#"<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c r="C2"><v>4</v></c></row>"#)
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)]))
        XCTAssertEqual(try rows(path), [Row(1, ["1", "", "3"]), Row(2, ["", "", "4"])])
    }

    func testLargeSheetsReadExactlyAcrossChunks() throws {
        // Several megabytes of XML: rows (and cells) are cut at every chunk boundary on the way.
        var random = SplitMix64(seed: 14)
        let names = (0..<50).map { "姓名\($0)" }
        var expected: [Row] = [Row(1, ["student_id", "name", "phq9_1", "note"])]
        var xml =
            #"<row r="1">"#
            + ["student_id", "name", "phq9_1", "note"].enumerated()
            .map { XLSXFixture.cell(CellReference.columnName($0.offset) + "1", inline: $0.element) }.joined() + "</row>"
        var number = 1
        for _ in 0..<30_000 {
            number += random.next() % 10 == 0 ? 2 : 1
            if let last = expected.last?.line, number > last + 1 { expected.append(Row(number - 1, [])) }
            let name = Int(random.next() % 50)
            let answer = Int(random.next() % 4)
            let note = String(repeating: "x", count: Int(random.next() % 40))
            var cells = [
                XLSXFixture.cell("A\(number)", inline: "ID\(number)"), XLSXFixture.cell("B\(number)", shared: name),
                XLSXFixture.cell("C\(number)", number: "\(answer).0"),
            ]
            var fields = ["ID\(number)", names[name], "\(answer)"]
            if !note.isEmpty {
                cells.append(XLSXFixture.cell("D\(number)", inline: note))
                fields.append(note)
            }
            xml += #"<row r="\#(number)">"# + cells.joined() + "</row>"
            expected.append(Row(number, fields))
        }
        let path = try write(
            XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(xml))], sharedStrings: XLSXFixture.sharedStrings(names)))
        XCTAssertEqual(try rows(path), expected)
    }

    func testTheHeaderIsTheFirstRowWithAValue() throws {
        let sheet = XLSXFixture.sheet(
            #"<row r="1"><c r="A1" s="1"/></row><row r="3">"# + XLSXFixture.cell("B3", inline: "student_id")
                + "</row><row r=\"5\">"
                + XLSXFixture.cell("B5", inline: "A1") + "</row>")
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)]))
        let stream = try SheetRowStream(path: path, sheet: nil)
        XCTAssertEqual(
            try stream.allRows().map { Row($0.number, $0.cells) }, [Row(3, ["", "student_id"]), Row(4, []), Row(5, ["", "A1"])])
        XCTAssertEqual(stream.headerRow, 3)
    }

    func testSheetsByNameAndTheFirstVisibleWorksheet() throws {
        let first = XLSXFixture.sheet(#"<row r="1">"# + XLSXFixture.cell("A1", inline: "hidden") + "</row>")
        let second = XLSXFixture.sheet(#"<row r="1">"# + XLSXFixture.cell("A1", inline: "second") + "</row>")
        let third = XLSXFixture.sheet(#"<row r="1">"# + XLSXFixture.cell("A1", inline: "third") + "</row>")
        let path = try write(
            XLSXFixture.workbook(sheets: [("Notes", first), ("数据", second), ("Other Sheet", third)], hidden: ["Notes"]))
        XCTAssertEqual(try rows(path), [Row(1, ["second"])])
        XCTAssertEqual(try rows(path, sheet: "Other Sheet"), [Row(1, ["third"])])
        XCTAssertEqual(try rows(path, sheet: " other sheet "), [Row(1, ["third"])])
        XCTAssertEqual(try rows(path, sheet: "Notes"), [Row(1, ["hidden"])])
        XCTAssertThrowsError(try rows(path, sheet: "Sheet1")) { error in
            XCTAssertEqual("\(error)", "\(path): the workbook has no sheet 'Sheet1' (its sheets: 'Notes', '数据', 'Other Sheet')")
        }
        let stream = try SheetRowStream(path: path, sheet: "数据")
        XCTAssertEqual(stream.name, "\(path)!数据")
    }

    func testMergedRangesAreKnownAfterTheLastRow() throws {
        let sheet = XLSXFixture.sheet(
            #"<row r="1">"# + XLSXFixture.cell("A1", inline: "PHQ-9") + "</row>",
            after: #"<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="D4:D9"/></mergeCells>"#)
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)]))
        let stream = try SheetRowStream(path: path, sheet: nil)
        _ = try stream.allRows()
        XCTAssertEqual(stream.merges.map(\.description), ["A1:C1", "D4:D9"])
        XCTAssertEqual(stream.merges.map { $0.covers(row: 1) }, [true, false])
    }

    func testManyMergedRangesAfterManyRowsAreReadAcrossChunks() throws {
        // Chunk boundaries fall inside <mergeCells>: no row is in progress there, whatever the last row was.
        let rows = (1...3_000).map { #"<row r="\#($0)">"# + XLSXFixture.cell("A\($0)", inline: "ID\($0)") + "</row>" }.joined()
        let merges = (1...40_000).map { #"<mergeCell ref="B\#($0):C\#($0)"/>"# }.joined()
        let sheet = XLSXFixture.sheet(rows, after: #"<mergeCells count="40000">"# + merges + "</mergeCells>")
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)]))
        let stream = try SheetRowStream(path: path, sheet: nil)
        XCTAssertEqual(try stream.allRows().map(\.cells), (1...3_000).map { ["ID\($0)"] })
        XCTAssertEqual(stream.merges.count, 40_000)
        XCTAssertEqual(stream.merges.last?.description, "B40000:C40000")
    }

    func testARowIsNotTakenForOneInProgressWhenTheMergesAreDamaged() throws {
        // Found by fuzz-workbook: the parser stops inside <mergeCells>, after the rows of the same chunk.
        let sheet =
            #"<?xml version="1.0" encoding="UTF-7"?><worksheet xmlns="\#(XLSXFixture.spreadsheetNS)"><sheetData>"#
            + #"<row><c><v>1</v></c><c/><c><f>SUM(pA1)</f></c><c t="str"><f>1</f><v>x</v></c></row></sheetData>"#
            + "<mergeCells count=\"1\"><me\u{1A}geCell ref=\"A1:C1\"/></mergeCells></worksheet>"
        let path = try write(XLSXFixture.workbook(sheets: [("S", sheet)]))
        let stream = try SheetRowStream(path: path, sheet: nil)
        XCTAssertEqual(try stream.allRows().map(\.cells), [["1", "", "=SUM(pA1)", "x"]])
    }

    func testDamagedSheetsNameTheCell() throws {
        let cases: [(String, String)] = [
            (
                #"<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>2</v></c></row>"#,
                "S:B1: error: cell B1 comes after a cell to its right: the sheet is damaged"
            ),
            (
                #"<row r="2"><c r="A2" t="s"><v>5</v></c></row>"#,
                "S:A2: error: the cell names shared string '5', which the workbook does not have (it has 0): the file is damaged"
            ),
            (
                #"<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>"#,
                "S:1: error: row number '1' does not follow row 1: the sheet is damaged"
            ),
            (#"<row r="1"><c r="1A"><v>1</v></c></row>"#, "S:1: error: a cell has the reference '1A', which names no cell"),
        ]
        for (rows, message) in cases {
            let path = try write(XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(rows))]))
            XCTAssertThrowsError(try self.rows(path)) { error in
                XCTAssertEqual("\(error)", "\(path)!\(message)")
            }
        }
    }

    func testColumnNamesAndReferences() {
        XCTAssertEqual(
            [0, 25, 26, 27, 51, 52, 701, 702, 16_383].map(CellReference.columnName),
            ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"])
        XCTAssertEqual(CellRange("c3:A1")?.description, "A1:C3")
        XCTAssertNil(CellRange("XFE1"))
        XCTAssertEqual(SourceLocation.cell("b.xlsx!S", row: 12, column: 28).description, "b.xlsx!S:AB12")
    }

    func testDetectionByContent() throws {
        let workbook = try write(XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(""))]), "named.csv")
        XCTAssertTrue(try WorkbookDetection.isWorkbook(path: workbook))
        let csv = try scratch.file("book.xlsx", Array("a,b\n1,2\n".utf8))
        XCTAssertFalse(try WorkbookDetection.isWorkbook(path: csv))
        XCTAssertFalse(try WorkbookDetection.isWorkbook(path: "-"))
        let xls = try scratch.file(
            "old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        XCTAssertThrowsError(try WorkbookDetection.isWorkbook(path: xls)) { error in
            XCTAssertTrue("\(error)".contains("an Excel 97–2003 workbook (.xls) or a password-protected one"), "\(error)")
        }
    }

    func testZipsThatAreNotWorkbooks() throws {
        let ods = try write(
            ["mimetype": Array("application/vnd.oasis.opendocument.spreadsheet".utf8), "content.xml": Array("<x/>".utf8)], "a.ods"
        )
        XCTAssertThrowsError(try SheetRowStream(path: ods, sheet: nil)) { error in
            XCTAssertEqual(
                "\(error)",
                "\(ods): an OpenDocument file (.ods), not an .xlsx workbook: save it as Excel 2007-365 (.xlsx) or CSV UTF-8")
        }
        var docx = XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(""))])
        docx["[Content_Types].xml"] = Array(
            #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
                .utf8)
        let word = try write(docx, "a.docx")
        XCTAssertThrowsError(try SheetRowStream(path: word, sheet: nil)) { error in
            XCTAssertEqual(
                "\(error)",
                "\(word): a zip package that is not an Excel workbook (application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml)"
            )
        }
        let text = try scratch.file("t.xlsx", Array("PK\u{3}\u{4}not really a zip".utf8))
        XCTAssertThrowsError(try SheetRowStream(path: text, sheet: nil)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(text): not a readable zip file, so not an .xlsx workbook"), "\(error)")
        }
    }

    func testMacrosAndExternalLinksAreNeverRead() throws {
        var parts = XLSXFixture.workbook(sheets: [
            ("S", XLSXFixture.sheet(#"<row r="1">"# + XLSXFixture.cell("A1", number: "7") + "</row>"))
        ])
        // A macro project and an external link that are not even valid: reading the sheet never touches them.
        parts["xl/vbaProject.bin"] = [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]
        parts["xl/externalLinks/externalLink1.xml"] = Array(
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".utf8)
        var rels = String(decoding: parts["xl/_rels/workbook.xml.rels"]!, as: UTF8.self)
        rels = rels.replacingOccurrences(
            of: "</Relationships>",
            with:
                #"<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rIdW" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.invalid/x" TargetMode="External"/></Relationships>"#
        )
        parts["xl/_rels/workbook.xml.rels"] = Array(rels.utf8)
        let path = try write(parts, "macro.xlsm")
        XCTAssertEqual(try rows(path), [Row(1, ["7"])])
    }
}
