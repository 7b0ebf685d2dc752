import Foundation
import ZIPFoundation

/// Hand-written `.xlsx` files for tests: every part's XML is given (or a standard one is used), zipped with
/// ZIPFoundation, so that a test states exactly what the file holds (shared strings, styles, gaps, hostile parts)
/// without going through psyscreen's own writer.
package enum XLSXFixture {
    package static let spreadsheetNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    package static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A worksheet part around `sheetData` rows (`<row r="1">…</row>…`) and anything after them (`<mergeCells>`).
    package static func sheet(_ rows: String, after: String = "") -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="\#(spreadsheetNS)" xmlns:r="\#(relationshipsNS)"><sheetData>\#(rows)</sheetData>\#(after)</worksheet>"#
    }

    /// The shared-string part of `strings` (plain `<si><t>` items; give raw XML items with `rawItems`).
    package static func sharedStrings(_ strings: [String] = [], rawItems: [String] = []) -> String {
        let items = strings.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" } + rawItems
        return
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="\#(spreadsheetNS)" count="\#(items.count)" uniqueCount="\#(items.count)">\#(items.joined())</sst>"#
    }

    /// A styles part with `numFmts` (id → code) and one `cellXfs` entry per number format id in `cellFormats`.
    package static func styles(numberFormats: [Int: String] = [:], cellFormats: [Int]) -> String {
        let formats = numberFormats.sorted { $0.key < $1.key }
            .map { #"<numFmt numFmtId="\#($0.key)" formatCode="\#(escape($0.value))"/>"# }.joined()
        let xfs = cellFormats.map {
            #"<xf numFmtId="\#($0)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        }.joined()
        return
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="\#(spreadsheetNS)"><numFmts count="\#(numberFormats.count)">\#(formats)</numFmts><cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs count="\#(cellFormats.count)">\#(xfs)</cellXfs></styleSheet>"#
    }

    /// A workbook with `sheets` (name, worksheet XML, hidden?) in tab order, and the optional parts.
    /// `extraParts` are added as they are (or replace a standard part of the same name).
    package static func workbook(
        sheets: [(name: String, xml: String)], hidden: Set<String> = [], sharedStrings: String? = nil,
        styles: String? = nil, date1904: Bool = false, extraParts: [String: String] = [:]
    ) -> [String: [UInt8]] {
        var parts: [String: String] = [:]
        var overrides =
            #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        var rels = ""
        var sheetList = ""
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            parts["xl/worksheets/sheet\(number).xml"] = sheet.xml
            overrides +=
                #"<Override PartName="/xl/worksheets/sheet\#(number).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            rels +=
                #"<Relationship Id="rId\#(number)" Type="\#(relationshipsNS)/worksheet" Target="worksheets/sheet\#(number).xml"/>"#
            let state = hidden.contains(sheet.name) ? #" state="hidden""# : ""
            sheetList += #"<sheet name="\#(escape(sheet.name))" sheetId="\#(number)"\#(state) r:id="rId\#(number)"/>"#
        }
        if let sharedStrings {
            parts["xl/sharedStrings.xml"] = sharedStrings
            rels += #"<Relationship Id="rIdS" Type="\#(relationshipsNS)/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        if let styles {
            parts["xl/styles.xml"] = styles
            rels += #"<Relationship Id="rIdY" Type="\#(relationshipsNS)/styles" Target="styles.xml"/>"#
        }
        parts["[Content_Types].xml"] =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\#(overrides)</Types>"#
        parts["_rels/.rels"] =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationshipsNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        parts["xl/_rels/workbook.xml.rels"] =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#
        let properties = date1904 ? #"<workbookPr date1904="1"/>"# : ""
        parts["xl/workbook.xml"] =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="\#(spreadsheetNS)" xmlns:r="\#(relationshipsNS)">\#(properties)<sheets>\#(sheetList)</sheets></workbook>"#
        for (name, xml) in extraParts { parts[name] = xml }
        return parts.mapValues { Array($0.utf8) }
    }

    /// Writes `parts` as a zip at `path` (deflated, in name order).
    package static func write(_ parts: [String: [UInt8]], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, bytes) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(bytes)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
    }

    /// A cell with a shared string index, a number, an inline string or a boolean, for building rows by hand.
    package static func cell(_ reference: String, shared index: Int) -> String {
        #"<c r="\#(reference)" t="s"><v>\#(index)</v></c>"#
    }
    package static func cell(_ reference: String, number: String, style: Int? = nil) -> String {
        #"<c r="\#(reference)"\#(style.map { " s=\"\($0)\"" } ?? "")><v>\#(number)</v></c>"#
    }
    package static func cell(_ reference: String, inline text: String) -> String {
        #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
    }

    package static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
