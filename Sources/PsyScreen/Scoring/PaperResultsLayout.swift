import Foundation

/// How the header of a paper-results CSV maps onto the instruments being scored: item columns are
/// `{instrument}_{item}` (`phq9_9`); every other column is passed through unchanged.
///
/// Built once per file, before any record is read, so that an unknown item column (`phq9_10`) or a missing one is
/// reported at once. Then ``parse(_:into:problems:)`` turns each record into answers without allocating.
package struct PaperResultsLayout: Sendable {
    package let file: String
    package let header: [String]
    package let instruments: [Instrument]
    /// Per instrument, per item (instrument order): the column holding it.
    package let itemColumns: [[Int]]
    /// Columns that are not items of the instruments being scored, in file order.
    package let passthroughColumns: [Int]
    /// The `student_id` column, if the file has one.
    package let studentIDColumn: Int?
    private let engines: [ScoringEngine]

    /// Maps `header` onto `instruments`; throws every header problem at once (`FILE:1: error: …`).
    package init(header: [String], instruments: [Instrument], file: String) throws(InputError) {
        self.file = file
        self.header = header
        self.instruments = instruments
        self.engines = instruments.map(ScoringEngine.init)
        var diagnostics: [Diagnostic] = []
        func problem(_ message: String) {
            diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: 1), message))
        }
        var columns: [[Int?]] = instruments.map { Array(repeating: nil, count: $0.items.count) }
        var passthrough: [Int] = []
        var seen: [String: Int] = [:]
        var studentID: Int?
        for (index, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if let first = seen[name] {
                problem("column \(index + 1) '\(name)' repeats column \(first + 1)")
                continue
            }
            seen[name] = index
            if name.lowercased() == "student_id" || name == "学号" { studentID = studentID ?? index }
            guard let underscore = name.firstIndex(of: "_"),
                let instrumentIndex = instruments.firstIndex(where: { $0.id == name[..<underscore] })
            else {
                passthrough.append(index)
                continue
            }
            let itemID = String(name[name.index(after: underscore)...])
            guard let itemIndex = instruments[instrumentIndex].items.firstIndex(where: { $0.id == itemID }) else {
                let instrument = instruments[instrumentIndex]
                problem(
                    "column \(index + 1) '\(name)': \(instrument.id) has no item '\(itemID)' (its items are \(instrument.items.first!.id)–\(instrument.items.last!.id))")
                continue
            }
            columns[instrumentIndex][itemIndex] = index
        }
        for (instrument, itemColumns) in zip(instruments, columns) {
            let missing = zip(instrument.items, itemColumns).filter { $0.1 == nil }.map { ResultColumns.itemColumnName(instrument, $0.0) }
            if !missing.isEmpty {
                problem("missing item column\(missing.count > 1 ? "s" : ""): \(missing.joined(separator: ", "))")
            }
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        self.itemColumns = columns.map { $0.map { $0! } }
        self.passthroughColumns = passthrough
        self.studentIDColumn = studentID
    }

    /// Why a record is rejected.
    package struct Problem: Hashable, Sendable {
        package var line: Int
        /// The column's header name; empty for a problem with the whole record.
        package var column: String
        package var value: String
        package var reason: String

        package init(line: Int, column: String, value: String, reason: String) {
            self.line = line
            self.column = column
            self.value = value
            self.reason = reason
        }
    }

    /// Reads the item answers of `record` into `answers` (one array per instrument, item order; blank = nil).
    /// Problems (wrong field count, a non-number, a value that is not an option) are appended to `problems`;
    /// when any is found the record must be rejected. A rejected record whose valid answers still raise a crisis
    /// flag gets one more problem saying so (see ``crisisNotes(line:answers:)``): a rejected sheet must not hide a
    /// student at risk.
    package func parse(_ record: CSVRecord, into answers: inout [[Int?]], problems: inout [Problem]) {
        let before = problems.count
        read(record, into: &answers, problems: &problems)
        if problems.count > before && record.count == header.count {
            problems += crisisNotes(line: record.line, answers: answers, values: { record.string(at: $0) })
        }
    }

    /// One problem per crisis flag that `answers` raise, for a record that is rejected anyway (for another problem
    /// or as a repeated student_id): the counselor must look at the paper form today.
    package func crisisNotes(line: Int, answers: [[Int?]], values: ((Int) -> String)? = nil) -> [Problem] {
        var notes: [Problem] = []
        for (instrumentIndex, instrument) in instruments.enumerated() {
            for flag in instrument.flags where flag.kind == .crisis {
                for itemID in flag.itemIDs {
                    guard let itemIndex = instrument.items.firstIndex(where: { $0.id == itemID }),
                        let value = answers[instrumentIndex][itemIndex], flag.isRaised(by: value)
                    else { continue }
                    let column = itemColumns[instrumentIndex][itemIndex]
                    notes.append(
                        Problem(
                            line: line, column: header[column], value: values?(column) ?? String(value),
                            reason: "raises the crisis flag \(instrument.id).\(flag.id) \(Self.crisisNoteSuffix)"))
                }
            }
        }
        return notes
    }

    static let crisisNoteSuffix = "on this rejected record: check the paper form and see the student today"

    /// Whether `problem` is one of the notes of ``crisisNotes(line:answers:values:)``.
    package static func isCrisisNote(_ problem: Problem) -> Bool { problem.reason.hasSuffix(crisisNoteSuffix) }

    private func read(_ record: CSVRecord, into answers: inout [[Int?]], problems: inout [Problem]) {
        if record.count != header.count {
            problems.append(
                Problem(
                    line: record.line, column: "", value: "",
                    reason: "expected \(header.count) fields, found \(record.count)"))
            return
        }
        for (instrumentIndex, columns) in itemColumns.enumerated() {
            let engine = engines[instrumentIndex]
            for (itemIndex, column) in columns.enumerated() {
                if record.isBlank(at: column) {
                    answers[instrumentIndex][itemIndex] = nil
                    continue
                }
                answers[instrumentIndex][itemIndex] = nil  // until the value proves valid
                guard let value = record.integer(at: column) else {
                    problems.append(
                        Problem(line: record.line, column: header[column], value: record.string(at: column), reason: "is not a number"))
                    continue
                }
                guard engine.accepts(value, at: itemIndex) else {
                    let allowed = instruments[instrumentIndex].responses(for: instruments[instrumentIndex].items[itemIndex]).values
                    problems.append(
                        Problem(
                            line: record.line, column: header[column], value: record.string(at: column),
                            reason: "is not one of the options (\(allowed.map(String.init).joined(separator: ", ")))"))
                    continue
                }
                answers[instrumentIndex][itemIndex] = value
            }
        }
    }

    /// Empty answer arrays shaped for ``parse(_:into:problems:)``.
    package func emptyAnswers() -> [[Int?]] {
        instruments.map { Array(repeating: nil, count: $0.items.count) }
    }
}
