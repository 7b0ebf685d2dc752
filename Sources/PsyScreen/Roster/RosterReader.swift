import Foundation

/// Reads a school roster CSV (the same reader as paper results: encodings, delimiters, line numbers).
///
/// Required columns `student_id, name, school, grade, class, gender, status`; optional `campus, major,
/// birth_date, dorm`. The Chinese headers a school's own template uses are accepted too (学号, 姓名, 学校, 年级,
/// 班级, 性别, 状态, 校区, 专业, 出生日期, 宿舍). A roster is all or nothing: every problem is collected, and the
/// caller stores nothing if there is any.
package enum RosterReader {
    static let columns: [(name: String, chinese: [String], required: Bool)] = [
        ("student_id", ["学号"], true), ("name", ["姓名"], true), ("school", ["学校"], true), ("grade", ["年级"], true),
        ("class", ["班级"], true), ("gender", ["性别"], true), ("status", ["状态", "学籍状态"], true),
        ("campus", ["校区"], false), ("major", ["专业"], false), ("birth_date", ["出生日期"], false),
        ("dorm", ["宿舍"], false),
    ]

    /// The students of the file (a CSV file or a worksheet), or every problem found (`FILE:LINE: error: …`, or
    /// `FILE!SHEET:C7: error: …` in a workbook). Rows with nothing in them are skipped.
    package static func read(_ source: any RowSource) throws -> [Student] {
        let positions = source.positions
        guard let first = try source.next() else {
            throw InputError(at: positions.location(line: 1), RecordMessage.emptyRoster)
        }
        let header = first.strings
        let headerLine = first.line
        var position: [String: Int] = [:]
        for (index, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = columns.first(where: { $0.name == name || $0.chinese.contains(name) }) {
                position[column.name] = position[column.name] ?? index
            }
        }
        let missing = columns.filter { $0.required && position[$0.name] == nil }.map(\.name)
        if !missing.isEmpty {
            throw try source.headerExplanation()
                ?? InputError(at: positions.location(line: headerLine), RecordMessage.rosterLacksColumns(missing))
        }
        var diagnostics: [Diagnostic] = []
        var students: [Student] = []
        var firstLine: [String: Int] = [:]
        while let record = try source.next() {
            if record.isBlankRow { continue }
            guard record.count == header.count else {
                diagnostics.append(
                    Diagnostic(
                        at: positions.location(line: record.line),
                        RecordMessage.wrongFieldCount(expected: header.count, found: record.count)))
                continue
            }
            var problems: [Diagnostic] = []
            var flawed: Set<String> = []
            func problem(_ column: String, _ value: String?, _ reason: RecordMessage) {
                flawed.insert(column)
                let field = position[column].map { $0 + 1 }
                problems.append(
                    Diagnostic(
                        at: positions.location(line: record.line, field: field),
                        RecordMessage.located(
                            line: record.line, column: column, value: value.map(InputExcerpt.quote), reason: reason.localized)))
            }
            var values: [String: String] = [:]
            for column in columns {
                guard let index = position[column.name] else { continue }
                let raw = record.string(at: index)
                // A NUL or an escape would be cut off or act on a terminal when the ID or name is shown again.
                if let control = InputExcerpt.firstControlCharacter(raw) {
                    problem(column.name, raw, .controlCharacter(InputExcerpt.codePoint(control)))
                    continue
                }
                let value = raw.trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { values[column.name] = value }
            }
            for column in columns where column.required && values[column.name] == nil && !flawed.contains(column.name) {
                problem(column.name, nil, .empty)
            }
            let statusText = values["status"] ?? ""
            let status = EnrollmentStatus(roster: statusText)
            if status == nil && !statusText.isEmpty {
                problem("status", statusText, .notAStatus)
            }
            let id = StudentID.normalize(values["student_id"] ?? "")
            if !id.isEmpty {
                if let first = firstLine[id] {
                    problem("student_id", id, .alreadyOnLine(first, rows: positions.cells))
                } else {
                    firstLine[id] = record.line
                }
            }
            guard problems.isEmpty, let status else {
                diagnostics += problems
                continue
            }
            students.append(
                Student(
                    studentID: id, name: values["name"]!, school: values["school"]!, grade: values["grade"]!,
                    className: values["class"]!, gender: values["gender"]!, status: status, campus: values["campus"],
                    major: values["major"], birthDate: values["birth_date"], dorm: values["dorm"]))
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        return students
    }
}
