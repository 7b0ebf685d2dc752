import Foundation
import ZIPFoundation

/// Writes ``SpreadsheetTable``s as an `.xlsx` workbook: the smallest package Excel, WPS, LibreOffice and openpyxl
/// open without a repair prompt (content types, relationships, workbook, styles, one part per sheet; strings
/// inline; no document properties, so no author or machine name is recorded).
///
/// The result is bytes, for the caller to write atomically like any other output. The same tables give the same
/// bytes (entries carry a fixed date).
package enum WorkbookWriter {
    static let spreadsheetNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The workbook holding `tables` as sheets, in order (the first is the one shown on opening).
    package static func xlsx(_ tables: [SpreadsheetTable]) throws -> [UInt8] {
        precondition(!tables.isEmpty, "a workbook needs a sheet")
        let names = sheetNames(tables.map(\.name))
        var parts: [(String, [UInt8])] = []
        parts.append(("[Content_Types].xml", contentTypes(sheetCount: tables.count)))
        parts.append(("_rels/.rels", packageRelationships()))
        parts.append(("xl/workbook.xml", workbook(names)))
        parts.append(("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: tables.count)))
        parts.append(("xl/styles.xml", styles()))
        for (index, table) in tables.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", WorksheetXML.part(table, selected: index == 0)))
        }
        let archive = try Archive(accessMode: .create)
        // DOS time starts in 1980: a fixed date keeps the bytes the same from run to run.
        let date = Date(timeIntervalSince1970: 315_532_800 + 86_400)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw FileError(path: "-", .workbook(.cannotAssemble)) }
        return [UInt8](data)
    }

    /// Sheet names Excel accepts: `[]:*?/\` replaced, at most 31 characters, not empty, unique ignoring case.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.map { name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
                .trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if clean.isEmpty { clean = "Sheet" }
            var candidate = clean
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(clean.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    private static func contentTypes(sheetCount: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.append(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
        xml.append(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
        xml.append(#"<Default Extension="xml" ContentType="application/xml"/>"#)
        xml.append(
            #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        )
        xml.append(
            #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        )
        for number in 1...sheetCount {
            xml.append(
                #"<Override PartName="/xl/worksheets/sheet\#(number).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            )
        }
        xml.append("</Types>")
        return xml.bytes
    }

    private static func packageRelationships() -> [UInt8] {
        var xml = XMLBytes()
        xml.append(
            #"<Relationships xmlns="\#(packageRelationshipsNS)"><Relationship Id="rId1" Type="\#(relationshipsNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        return xml.bytes
    }

    private static func workbook(_ names: [String]) -> [UInt8] {
        var xml = XMLBytes()
        xml.append(
            #"<workbook xmlns="\#(spreadsheetNS)" xmlns:r="\#(relationshipsNS)"><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        )
        for (index, name) in names.enumerated() {
            xml.append(#"<sheet name=""#)
            xml.appendEscaped(name)
            xml.append(#"" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#)
        }
        xml.append("</sheets></workbook>")
        return xml.bytes
    }

    private static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.append(#"<Relationships xmlns="\#(packageRelationshipsNS)">"#)
        for number in 1...sheetCount {
            xml.append(
                #"<Relationship Id="rId\#(number)" Type="\#(relationshipsNS)/worksheet" Target="worksheets/sheet\#(number).xml"/>"#
            )
        }
        xml.append(
            #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipsNS)/styles" Target="styles.xml"/></Relationships>"#)
        return xml.bytes
    }

    /// The cell styles of ``WorksheetXML/Style``, in that order: general, bold header, text (`@`), wrapped.
    private static func styles() -> [UInt8] {
        var xml = XMLBytes()
        xml.append(#"<styleSheet xmlns="\#(spreadsheetNS)">"#)
        xml.append(
            #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        )
        xml.append(
            #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        )
        xml.append(#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#)
        xml.append(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#)
        xml.append(#"<cellXfs count="4">"#)
        xml.append(#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#)
        xml.append(#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#)
        xml.append(#"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#)
        xml.append(
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        )
        xml.append("</cellXfs>")
        xml.append(#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#)
        return xml.bytes
    }
}
