/// What is wrong with a CSV input (paper results, a roster): its bytes, its header, one record or one cell.
///
/// A cell's reason reads after the quoted value: `'4' is not one of the options (0, 1, 2, 3)`.
package enum RecordMessage: Message, Hashable {
    // The bytes.
    case recordTooLong(size: String)
    case invalidUTF8(truncated: Bool)
    case invalidGB18030(detected: Bool)
    case truncatedGB18030
    case utf16
    case quoteNeverClosed(field: Int)

    // The header.
    case emptyFile
    case needsStudentID
    case headerQuoteNotClosed(column: Int)
    case repeatedColumn(column: Int, name: String, first: Int)
    case noSuchItem(column: Int, name: String, instrument: String, item: String, first: String, last: String)
    case missingItemColumns([String])
    case scoreColumnName(column: Int, name: String)
    case tooManyFlags(instrument: String, count: Int, maximum: Int)
    case tooManySums(instrument: String, scale: String)
    case emptyRoster
    case rosterLacksColumns([String])

    // One record.
    case wrongFieldCount(expected: Int, found: Int)

    // One cell (a reason, after the value).
    case notAnOption([Int])
    case notANumber
    case crisisOnRejectedRecord(flag: String)
    /// `rows`: the records are worksheet rows (English says `row`, not `line`).
    case repeatsStudentID(firstLine: Int, raisesCrisis: Bool, rows: Bool = false)
    case controlCharacterInID(String)
    case controlCharacter(String)
    case emptyStudentID
    case empty
    case notAStatus
    case alreadyOnLine(Int, rows: Bool = false)
    case notOnRoster(raisesCrisis: Bool)

    /// A cell's problem as a terminal line says it: `column gad7_1: '4' is not one of the options (0, 1, 2, 3)`;
    /// a record's without a column.
    case located(line: Int, column: String?, value: String?, reason: LocalizedText)

    package var english: String {
        switch self {
        case .recordTooLong(let size): "a record longer than \(size) starts here; is a quote never closed?"
        case .invalidUTF8(let truncated):
            (truncated ? "the file ends in the middle of a UTF-8 character" : "invalid UTF-8")
                + "; use --encoding gb18030 if the file is GB18030"
        case .invalidGB18030(let detected):
            "invalid GB18030" + (detected ? " (detected from the first non-UTF-8 text; use --encoding utf8 to force UTF-8)" : "")
        case .truncatedGB18030: "the file ends in the middle of a GB18030 character"
        case .utf16: "the file is UTF-16 (Excel \"Unicode Text\"); save it as \"CSV UTF-8\" or \"CSV\" and try again"
        case .quoteNeverClosed(let field):
            "field \(field) opens a quote that is never closed (the rest of the file would be read as that field)"
        case .emptyFile: "the file is empty: expected a header row"
        case .needsStudentID: "the file needs a student_id column"
        case .headerQuoteNotClosed(let column):
            "header column \(column) opens a quote that is not closed on the header line (the rows below would be read as part of the header); remove the stray quote"
        case .repeatedColumn(let column, let name, let first): "column \(column) '\(name)' repeats column \(first)"
        case .noSuchItem(let column, let name, let instrument, let item, let first, let last):
            "column \(column) '\(name)': \(instrument) has no item '\(item)' (its items are \(first)–\(last))"
        case .missingItemColumns(let names): "missing item column\(names.count > 1 ? "s" : ""): \(names.joined(separator: ", "))"
        case .scoreColumnName(let column, let name):
            "column \(column) '\(name)' has the name of a score column that score writes; rename or remove it"
        case .tooManyFlags(let instrument, let count, let maximum):
            "\(instrument) has \(count) flags; bulk scoring handles at most \(maximum)"
        case .tooManySums(let instrument, let scale):
            "\(instrument) scale \(scale): its possible sums are too many for bulk scoring"
        case .emptyRoster: "the roster is empty (no header row)"
        case .rosterLacksColumns(let names):
            "the roster lacks column\(names.count > 1 ? "s" : "") \(names.joined(separator: ", ")) (needed: student_id, name, school, grade, class, gender, status)"
        case .wrongFieldCount(let expected, let found): "expected \(expected) fields, found \(found)"
        case .notAnOption(let options): "is not one of the options (\(options.map(String.init).joined(separator: ", ")))"
        case .notANumber: "is not a number"
        case .crisisOnRejectedRecord(let flag):
            "raises the crisis flag \(flag) on this rejected record: check the paper form and see the student today"
        case .repeatsStudentID(let line, let crisis, let rows):
            "repeats the student_id of \(rows ? "row" : "line") \(line)"
                + (crisis
                    ? "; this sheet raises a crisis flag: compare it with \(rows ? "row" : "line") \(line) and see the student today"
                    : "")
        case .controlCharacterInID(let codePoint): "contains the control character \(codePoint), which no student ID has"
        case .controlCharacter(let codePoint): "contains the control character \(codePoint)"
        case .emptyStudentID: "is empty: every record needs a student_id"
        case .empty: "empty"
        case .notAStatus: "is not a status (enrolled/在籍, leave/休学, internship/实习, withdrawn/退学)"
        case .alreadyOnLine(let line, let rows): "is already on \(rows ? "row" : "line") \(line)"
        case .notOnRoster(let crisis):
            "is not on the roster: not stored"
                + (crisis ? "; this sheet raises a crisis flag: find the student and see them today" : "")
        case .located(_, let column, let value, let reason):
            (column.map { "column \(InputExcerpt.quote($0)): " } ?? "") + (value.map { "'\($0)' " } ?? "") + reason.english
        }
    }
}
