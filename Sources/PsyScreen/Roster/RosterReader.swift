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

    /// The students of the file, or every problem found (`FILE:LINE: error: …`).
    package static func read(_ reader: CSVReader) throws -> [Student] {
        let file = reader.name
        guard let header = try reader.nextRecord({ $0.strings }) else {
            throw InputError(at: SourceLocation(file: file, line: 1), "the roster is empty (no header row)")
        }
        var position: [String: Int] = [:]
        for (index, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = columns.first(where: { $0.name == name || $0.chinese.contains(name) }) {
                position[column.name] = position[column.name] ?? index
            }
        }
        let missing = columns.filter { $0.required && position[$0.name] == nil }.map(\.name)
        if !missing.isEmpty {
            throw InputError(
                at: SourceLocation(file: file, line: 1),
                "the roster lacks column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) (needed: student_id, name, school, grade, class, gender, status)")
        }
        var diagnostics: [Diagnostic] = []
        var students: [Student] = []
        var firstLine: [String: Int] = [:]
        try reader.forEachRecord { record in
            let location = SourceLocation(file: file, line: record.line)
            guard record.count == header.count else {
                diagnostics.append(
                    Diagnostic(at: location, "expected \(header.count) fields, found \(record.count)"))
                return
            }
            func value(_ column: String) -> String? {
                position[column].map { record.string(at: $0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var problems: [String] = []
            for column in columns where column.required && value(column.name) == nil {
                problems.append("column \(column.name): empty")
            }
            let statusText = value("status") ?? ""
            let status = EnrollmentStatus(roster: statusText)
            if status == nil && !statusText.isEmpty {
                problems.append("column status: '\(statusText)' is not a status (\(EnrollmentStatus.acceptedSpellings))")
            }
            let id = StudentID.normalize(value("student_id") ?? "")
            if !id.isEmpty {
                if let first = firstLine[id] {
                    problems.append("column student_id: '\(id)' is already on line \(first)")
                } else {
                    firstLine[id] = record.line
                }
            }
            guard problems.isEmpty, let status else {
                diagnostics += problems.map { Diagnostic(at: location, $0) }
                return
            }
            students.append(
                Student(
                    studentID: id, name: value("name")!, school: value("school")!, grade: value("grade")!,
                    className: value("class")!, gender: value("gender")!, status: status, campus: value("campus"),
                    major: value("major"), birthDate: value("birth_date"), dorm: value("dorm")))
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        return students
    }
}
