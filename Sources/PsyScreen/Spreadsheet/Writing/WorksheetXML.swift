/// The worksheet part of one ``SpreadsheetTable``, with its elements in the order the schema requires (Excel
/// offers to "repair" a sheet whose elements are out of order).
enum WorksheetXML {
    /// Style indexes of ``WorkbookWriter``'s styles part.
    enum Style: Int {
        case general = 0
        case header = 1
        case text = 2
        case wrapped = 3
    }

    static func part(_ table: SpreadsheetTable, selected: Bool) -> [UInt8] {
        var xml = XMLBytes()
        xml.append(#"<worksheet xmlns="\#(WorkbookWriter.spreadsheetNS)" xmlns:r="\#(WorkbookWriter.relationshipsNS)">"#)
        let columnCount = max(table.columns.count, table.rows.map(\.count).max() ?? 0, 1)
        // The cells written; the drop-downs reach further down, to the entry rows.
        xml.append(#"<dimension ref="A1:\#(CellReference(column: columnCount - 1, row: 1 + table.rows.count))"/>"#)
        let lastRow = 1 + max(table.rows.count, table.entryRows)
        xml.append(#"<sheetViews><sheetView workbookViewId="0"\#(selected ? #" tabSelected="1""# : "")>"#)
        if table.freezesHeader {
            xml.append(
                #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
            )
        }
        xml.append("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>")
        if !table.columns.isEmpty {
            xml.append("<cols>")
            for (index, column) in table.columns.enumerated() {
                let style = column.isText ? Style.text : column.wraps ? Style.wrapped : nil
                xml.append(
                    #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width(of: column, at: index, in: table))" customWidth="1"\#(style.map { #" style="\#($0.rawValue)""# } ?? "")/>"#
                )
            }
            xml.append("</cols>")
        }
        xml.append("<sheetData>")
        appendRow(1, table.columns.map { .text($0.header) }, styles: table.columns.map { _ in .header }, to: &xml)
        let styles = table.columns.map { $0.isText ? Style.text : $0.wraps ? Style.wrapped : Style.general }
        for (index, row) in table.rows.enumerated() {
            appendRow(index + 2, row, styles: styles, to: &xml)
        }
        xml.append("</sheetData>")
        let validated = table.columns.enumerated().filter { $0.element.validation != nil }
        if !validated.isEmpty && lastRow >= 2 {
            xml.append(#"<dataValidations count="\#(validated.count)">"#)
            for (index, column) in validated {
                guard let validation = column.validation else { continue }
                let letter = CellReference.columnName(index)
                xml.append(#"<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle=""#)
                xml.appendEscaped(validation.errorTitle)
                xml.append(#"" error=""#)
                xml.appendEscaped(validation.error)
                xml.append(#"" sqref="\#(letter)2:\#(letter)\#(lastRow)"><formula1>"#)
                // A literal list: the values between quotes, separated by commas.
                xml.appendEscaped("\"" + validation.values.joined(separator: ",") + "\"")
                xml.append("</formula1></dataValidation>")
            }
            xml.append("</dataValidations>")
        }
        xml.append(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>"#)
        return xml.bytes
    }

    private static func appendRow(_ number: Int, _ cells: [SpreadsheetTable.Cell], styles: [Style], to xml: inout XMLBytes) {
        xml.append(#"<row r="\#(number)">"#)
        for (index, cell) in cells.enumerated() {
            let reference = CellReference(column: index, row: number)
            let style = index < styles.count ? styles[index] : .general
            let styleAttribute = style == .general ? "" : #" s="\#(style.rawValue)""#
            switch cell {
            case .empty:
                continue
            case .text(let text):
                let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
                xml.append(
                    #"<c r="\#(reference)" t="inlineStr"\#(styleAttribute)><is><t\#(preserve ? #" xml:space="preserve""# : "")>"#)
                xml.appendEscaped(text)
                xml.append("</t></is></c>")
            case .integer(let value):
                xml.append(#"<c r="\#(reference)"\#(styleAttribute)><v>\#(value)</v></c>"#)
            case .number(let value):
                guard value.isFinite else {
                    xml.append(#"<c r="\#(reference)" t="inlineStr"\#(styleAttribute)><is><t>\#(value)</t></is></c>"#)
                    continue
                }
                let text = value == value.rounded() && abs(value) < 9_007_199_254_740_992 ? String(Int(value)) : "\(value)"
                xml.append(#"<c r="\#(reference)"\#(styleAttribute)><v>\#(text)</v></c>"#)
            }
        }
        xml.append("</row>")
    }

    /// The column's width: given, or what fits the header and the first thousand values, counting East Asian wide
    /// characters as two, within 6…60.
    static func width(of column: SpreadsheetTable.Column, at index: Int, in table: SpreadsheetTable) -> String {
        if let width = column.width { return "\(width)" }
        var widest = DisplayWidth.of(column.header) + 2  // the header is bold
        for row in table.rows.prefix(1000) where index < row.count {
            let text: String
            switch row[index] {
            case .text(let value): text = value
            case .integer(let value): text = String(value)
            case .number(let value): text = "\(value)"
            case .empty: continue
            }
            widest = max(widest, DisplayWidth.of(text))
        }
        return "\(min(max(widest + 1, 6), 60))"
    }
}
