/// The words of psyscreen's workbooks: sheet names and the data-entry workbook's instructions. Column headings
/// are ``ColumnHeading``s; instrument texts come from their XML files, as published.
package enum WorkbookText: Message, Hashable {
    case resultsSheet, registerSheet, rollupSheet, unscreenedSheet, coverageSheet, entrySheet, instructionsSheet

    // The instructions sheet of the data-entry workbook.
    case columnHeading, meaningHeading, valuesHeading
    case title(battery: String, instruments: [String])
    case oneRowPerForm
    case idAsText
    case itemsFromList
    /// `selection`: what `score` and `import` are told to score (`--battery annual`).
    case whenDone(selection: String)
    case prefilled(count: Int, wave: String)
    case studentIDMeaning, nameMeaning, classMeaning
    case item(short: String, number: String, text: String)
    /// Between the options of an item (`0 Not at all; 1 Several days`).
    case optionSeparator
    // The drop-down's refusal, shown by Excel or WPS.
    case notAnOptionTitle
    case notAnOption([String])

    package var english: String {
        switch self {
        case .resultsSheet: "Results"
        case .registerSheet: "Warning register"
        case .rollupSheet: "Counts by unit"
        case .unscreenedSheet: "Not yet screened"
        case .coverageSheet: "Coverage"
        case .entrySheet: "Entry"
        case .instructionsSheet: "Instructions"
        case .columnHeading: "Column"
        case .meaningHeading: "What it holds"
        case .valuesHeading: "Values"
        case .title(let battery, let instruments):
            "Data entry for paper screening forms: \(battery) (\(instruments.joined(separator: ", ")))"
        case .oneRowPerForm:
            "Key one paper form per row of the “\(Self.entrySheet.english)” sheet. The first row holds the column names: do not change it."
        case .idAsText: "The student ID column is text, so leading zeros stay (000123)."
        case .itemsFromList:
            "Item columns accept only the item's option values (listed below); Excel and WPS refuse anything else as you type. Leave an unanswered item blank."
        case .whenDone(let selection):
            "When done, save as .xlsx and run: psyscreen import --wave WAVE \(selection) THIS-FILE.xlsx (or psyscreen score \(selection) THIS-FILE.xlsx)."
        case .prefilled(let count, let wave):
            "The IDs, names and classes of \(count) enrolled students are filled in, in roster order (wave \(wave)): key the answers only. This file names students: keep it to the counselors."
        case .studentIDMeaning: "Student ID (required)"
        case .nameMeaning: "Name (not used for scoring)"
        case .classMeaning: "Class (not used for scoring)"
        case .item(let short, let number, let text): "\(short) item \(number): \(text)"
        case .optionSeparator: "; "
        case .notAnOptionTitle: "Not an option"
        case .notAnOption(let values): "Enter one of \(values.joined(separator: ", ")), or leave it blank if unanswered."
        }
    }
}
