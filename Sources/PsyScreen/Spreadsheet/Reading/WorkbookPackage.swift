/// What a workbook holds, found the way Excel finds it: `[Content_Types].xml` says the package is a spreadsheet,
/// `_rels/.rels` points to the workbook part, the workbook lists its sheets in tab order and its relationships
/// say which part is each sheet, the shared strings and the styles.
///
/// Relationships that point outside the package (`TargetMode="External"`: linked workbooks, web addresses) are
/// never followed; macros (`vbaProject.bin`) and external-link parts are never read.
struct WorkbookPackage: Sendable {
    struct Sheet: Sendable, Equatable {
        /// The tab's name.
        var name: String
        /// The part holding it (`xl/worksheets/sheet1.xml`); nil when the relationship is missing.
        var part: String?
        /// A worksheet (not a chart sheet or a dialog sheet).
        var isWorksheet: Bool
        /// Not hidden (`state="hidden"` or `veryHidden`).
        var isVisible: Bool
    }

    var sheets: [Sheet]
    var sharedStringsPart: String?
    var stylesPart: String?
    /// Dates count from 1904-01-01 (workbooks from old Mac Excel).
    var date1904: Bool

    static let spreadsheetTypes = [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
    ]

    /// Reads the package's directory parts.
    static func read(_ archive: WorkbookArchive) throws -> WorkbookPackage {
        let limit = archive.limits.smallPart
        let name = archive.path
        func parse(_ part: String, _ elements: Set<String>) throws -> XMLElementCollector {
            let collector = XMLElementCollector(names: elements)
            do {
                try LibXMLStreamParser.parse(archive.read(part, limit: limit), file: "\(name)!\(part)", handler: collector)
            } catch let overflow as CollectorOverflow {
                throw FileError(
                    path: name, .workbook(.tooManyElements(part: part, element: overflow.name, limit: overflow.limit)))
            }
            return collector
        }
        guard archive.contains("[Content_Types].xml") else {
            if archive.contains("mimetype"), archive.contains("content.xml") {
                throw FileError(path: name, .workbook(.openDocument))
            }
            throw FileError(path: name, .workbook(.noContentTypes))
        }
        let types = try parse("[Content_Types].xml", ["Override"])
        let root = try relationships(of: "", in: archive, parse: parse)
        guard let main = root.first(where: { $0.type.hasSuffix("/officeDocument") && !$0.external }) else {
            throw FileError(path: name, .workbook(.noMainDocument))
        }
        let mainType =
            types.elements(named: "Override").first {
                partName($0.attributes["PartName"] ?? "").lowercased() == main.target.lowercased()
            }?
            .attributes["ContentType"] ?? ""
        guard spreadsheetTypes.contains(mainType) else {
            if mainType == "application/vnd.ms-excel.sheet.binary.macroEnabled.main" {
                throw FileError(path: name, .workbook(.binaryWorkbook))
            }
            throw FileError(path: name, .workbook(.notExcel(contentType: mainType)))
        }
        let workbook = try parse(main.target, ["sheet", "workbookPr"])
        let links = try relationships(of: main.target, in: archive, parse: parse)
        let byID = Dictionary(links.filter { !$0.external }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sheets = workbook.elements(named: "sheet", under: "sheets").map { element in
            let link = element.attributes["id"].flatMap { byID[$0] }
            return Sheet(
                name: element.attributes["name"] ?? "", part: link?.target,
                isWorksheet: link?.type.hasSuffix("/worksheet") ?? false,
                isVisible: (element.attributes["state"] ?? "visible") == "visible")
        }
        let date1904 = workbook.elements(named: "workbookPr").first?.attributes["date1904"].map { $0 == "1" || $0 == "true" }
        return WorkbookPackage(
            sheets: sheets,
            sharedStringsPart: links.first { $0.type.hasSuffix("/sharedStrings") && !$0.external && archive.contains($0.target) }?
                .target,
            stylesPart: links.first { $0.type.hasSuffix("/styles") && !$0.external && archive.contains($0.target) }?.target,
            date1904: date1904 ?? false)
    }

    /// One `<Relationship>`, its target resolved to a part name.
    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    /// The relationships of `source` (`""` for the package itself), from its `_rels/NAME.rels` part.
    private static func relationships(
        of source: String, in archive: WorkbookArchive, parse: (String, Set<String>) throws -> XMLElementCollector
    ) throws -> [Relationship] {
        let folder = source.split(separator: "/").dropLast().joined(separator: "/")
        let file = source.split(separator: "/").last.map(String.init) ?? ""
        let rels = (folder.isEmpty ? "" : folder + "/") + "_rels/\(file).rels"
        guard archive.contains(rels) else { return [] }
        return try parse(rels, ["Relationship"]).elements(named: "Relationship").map { element in
            let target = element.attributes["Target"] ?? ""
            let external = element.attributes["TargetMode"] == "External"
            return Relationship(
                id: element.attributes["Id"] ?? "", type: element.attributes["Type"] ?? "",
                target: external ? target : resolve(target, from: folder), external: external)
        }
    }

    /// A relationship target relative to `folder` (or absolute, with a leading `/`) as a part name.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    private static func partName(_ name: String) -> String { resolve(name, from: "") }
}
