/// The data-entry workbook of `template --format xlsx`: the sheet `score` and `import` read (the template's
/// columns: `student_id, name, class`, then `{instrument}_{item}`), made for keying paper forms in Excel or WPS —
/// header frozen, the ID column text so that leading zeros stay, each item column a drop-down of its option values
/// that refuses anything else — and an instructions sheet that says what every column holds, with the items'
/// published wording.
///
/// Pre-filled with a class's enrolled students (roster order), keying a stack of forms is typing the answers only.
package enum DataEntryWorkbook {
    /// Rows below the students (or below the header of a blank template) that still get the drop-downs.
    package static let spareRows = 1000

    /// - Parameters:
    ///   - battery: the battery's id, or the instruments' ids joined by `+` for `--instrument` (its title).
    ///   - selection: the options that choose them again for `score` and `import` (`--battery annual`).
    package static func tables(
        battery: String, selection: String, instruments: [Instrument], language: SessionLanguage,
        students: [Student]? = nil, wave: String? = nil
    ) -> [SpreadsheetTable] {
        let strings = WorkbookStrings(language: language)
        let columns = ResultColumns(instruments)
        var entryColumns: [SpreadsheetTable.Column] = ResultColumns.templateIdentityColumns.map {
            .init($0, isText: true)
        }
        for column in columns.itemColumns {
            let instrument = instruments[column.instrumentIndex]
            let values = instrument.responses(for: instrument.items[column.itemIndex]).values.map(String.init)
            entryColumns.append(
                .init(
                    column.name,
                    validation: .init(values: values, errorTitle: strings.notAnOptionTitle, error: strings.notAnOption(values))))
        }
        let rows: [[SpreadsheetTable.Cell]] = (students ?? []).map { student in
            [.text(student.studentID), .text(student.name), .text(student.className)]
        }
        let entry = SpreadsheetTable(
            name: strings.entrySheet, columns: entryColumns, rows: rows, entryRows: rows.count + spareRows)

        var lines: [[SpreadsheetTable.Cell]] = []
        let shortNames = instruments.map(ColumnHeadings.shortName)
        for text in [
            strings.title(battery: battery, instruments: shortNames), strings.oneRowPerForm, strings.idAsText,
            strings.itemsFromList, strings.whenDone(selection: selection),
        ] {
            lines.append([.empty, .text(text), .empty])
        }
        if let students, let wave { lines.append([.empty, .text(strings.prefilled(count: students.count, wave: wave)), .empty]) }
        lines.append([])
        lines.append([.text("student_id"), .text(strings.studentIDMeaning), .empty])
        lines.append([.text("name"), .text(strings.nameMeaning), .empty])
        lines.append([.text("class"), .text(strings.classMeaning), .empty])
        for column in columns.itemColumns {
            let instrument = instruments[column.instrumentIndex]
            let item = instrument.items[column.itemIndex]
            let options = instrument.responses(for: item).options
                .map { strings.option($0.value, $0.label.text(in: language.rawValue)) }
                .joined(separator: strings.optionSeparator)
            lines.append([
                .text(column.name), .text(strings.item(shortNames[column.instrumentIndex], item.id, item.text.text(in: language.rawValue))),
                .text(options),
            ])
        }
        let instructions = SpreadsheetTable(
            name: strings.instructionsSheet,
            columns: [
                .init(strings.columnHeading, width: 12), .init(strings.meaningHeading, wraps: true, width: 70),
                .init(strings.valuesHeading, wraps: true, width: 50),
            ],
            rows: lines)
        return [entry, instructions]
    }
}
