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
        battery: String, selection: String, instruments: [Instrument], language: Language,
        students: [Student]? = nil, wave: String? = nil
    ) -> [SpreadsheetTable] {
        func text(_ words: WorkbookText) -> String { words.text(in: language) }
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
                    validation: .init(values: values, errorTitle: text(.notAnOptionTitle), error: text(.notAnOption(values)))))
        }
        let rows: [[SpreadsheetTable.Cell]] = (students ?? []).map { student in
            [.text(student.studentID), .text(student.name), .text(student.className)]
        }
        let entry = SpreadsheetTable(
            name: text(.entrySheet), columns: entryColumns, rows: rows, entryRows: rows.count + spareRows)

        var lines: [[SpreadsheetTable.Cell]] = []
        let shortNames = instruments.map(ColumnHeadings.shortName)
        for words in [
            WorkbookText.title(battery: battery, instruments: shortNames), .oneRowPerForm, .idAsText, .itemsFromList,
            .whenDone(selection: selection),
        ] {
            lines.append([.empty, .text(text(words)), .empty])
        }
        if let students, let wave { lines.append([.empty, .text(text(.prefilled(count: students.count, wave: wave))), .empty]) }
        lines.append([])
        lines.append([.text("student_id"), .text(text(.studentIDMeaning)), .empty])
        lines.append([.text("name"), .text(text(.nameMeaning)), .empty])
        lines.append([.text("class"), .text(text(.classMeaning)), .empty])
        for column in columns.itemColumns {
            let instrument = instruments[column.instrumentIndex]
            let item = instrument.items[column.itemIndex]
            let options = instrument.responses(for: item).options
                .map { "\($0.value) \($0.label.text(in: language.tag))" }
                .joined(separator: text(.optionSeparator))
            lines.append([
                .text(column.name),
                .text(
                    text(
                        .item(short: shortNames[column.instrumentIndex], number: item.id, text: item.text.text(in: language.tag)))
                ),
                .text(options),
            ])
        }
        let instructions = SpreadsheetTable(
            name: text(.instructionsSheet),
            columns: [
                .init(text(.columnHeading), width: 12), .init(text(.meaningHeading), wraps: true, width: 70),
                .init(text(.valuesHeading), wraps: true, width: 50),
            ],
            rows: lines)
        return [entry, instructions]
    }
}
