/// The number format of each cell style of a workbook (`xl/styles.xml`): a cell's `s="3"` is an index into
/// `<cellXfs>`, whose `numFmtId` is a built-in format or one of `<numFmts>`.
struct CellStyles: Sendable {
    /// By style index; a cell without a style, or with an index past the end, is a plain number.
    private(set) var formats: [CellFormat]

    init(formats: [CellFormat] = []) { self.formats = formats }

    subscript(style: Int) -> CellFormat { style >= 0 && style < formats.count ? formats[style] : .number }

    /// Reads the styles part.
    static func read(_ archive: WorkbookArchive, part: String) throws -> CellStyles {
        let collector = XMLElementCollector(names: ["numFmt", "xf"])
        do {
            try LibXMLStreamParser.parse(
                archive.read(part, limit: archive.limits.smallPart), file: "\(archive.path)!\(part)", handler: collector)
        } catch let overflow as CollectorOverflow {
            throw FileError(
                path: archive.path, .workbook(.tooManyElements(part: part, element: overflow.name, limit: overflow.limit)))
        }
        var custom: [Int: CellFormat] = [:]
        for element in collector.elements(named: "numFmt", under: "numFmts") {
            guard let id = element.attributes["numFmtId"].flatMap({ Int($0) }), let code = element.attributes["formatCode"]
            else { continue }
            custom[id] = CellFormat.custom(code)
        }
        return CellStyles(
            formats: collector.elements(named: "xf", under: "cellXfs").map { element in
                let id = element.attributes["numFmtId"].flatMap { Int($0) } ?? 0
                return custom[id] ?? CellFormat.builtIn(id)
            })
    }
}
