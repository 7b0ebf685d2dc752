import Foundation

/// How the header of a paper-results CSV maps onto the instruments being scored: item columns are
/// `{instrument}_{item}` (`phq9_9`); every other column is passed through unchanged.
///
/// Built once per file, before any record is read, so that an unknown item column (`phq9_10`) or a missing one is
/// reported at once. ``problems(_:answers:)`` then says why a record is not a valid sheet, for
/// ``PaperResultsReader``, which reads the sheets.
package struct PaperResultsLayout: Sendable {
    package let file: String
    /// How places in the file are named (the header's own problems included).
    package let positions: InputPositions
    package let header: [String]
    package let instruments: [Instrument]
    /// Per instrument, per item (instrument order): the column holding it.
    package let itemColumns: [[Int]]
    /// Columns that are not items of the instruments being scored, in file order.
    package let passthroughColumns: [Int]
    /// The `student_id` column, if the file has one.
    package let studentIDColumn: Int?
    private let engines: [ScoringEngine]

    /// Maps `header` onto `instruments`; throws every header problem at once (`FILE:1:COLUMN: error: …`).
    package init(header: [String], instruments: [Instrument], file: String) throws(InputError) {
        try self.init(header: header, instruments: instruments, positions: InputPositions(name: file), headerLine: 1)
    }

    /// The same, for a header on line (or worksheet row) `headerLine` of a file whose places are named by
    /// `positions`.
    package init(header: [String], instruments: [Instrument], positions: InputPositions, headerLine: Int) throws(InputError) {
        let file = positions.name
        self.file = file
        self.positions = positions
        self.header = header
        self.instruments = instruments
        self.engines = instruments.map(ScoringEngine.init)
        var diagnostics: [Diagnostic] = []
        func problem(_ message: RecordMessage, column: Int? = nil) {
            diagnostics.append(Diagnostic(at: positions.location(line: headerLine, field: column.map { $0 + 1 }), message))
        }
        // A quote opened in the header and closed lines later swallows data rows into the header: say so without
        // quoting them (they hold IDs and names).
        if let index = header.firstIndex(where: { $0.utf8.contains { $0 == 0x0A || $0 == 0x0D } }) {
            throw InputError(
                at: positions.location(line: headerLine, field: index + 1),
                RecordMessage.headerQuoteNotClosed(column: index + 1))
        }
        var columns: [[Int?]] = instruments.map { Array(repeating: nil, count: $0.items.count) }
        var passthrough: [Int] = []
        var seen: [String: Int] = [:]
        var studentID: Int?
        for (index, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if let first = seen[name] {
                problem(.repeatedColumn(column: index + 1, name: InputExcerpt.quote(name), first: first + 1), column: index)
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
                    .noSuchItem(
                        column: index + 1, name: InputExcerpt.quote(name), instrument: instrument.id,
                        item: InputExcerpt.quote(itemID),
                        first: instrument.items.first!.id, last: instrument.items.last!.id),
                    column: index)
                continue
            }
            columns[instrumentIndex][itemIndex] = index
        }
        for (instrument, itemColumns) in zip(instruments, columns) {
            let missing = zip(instrument.items, itemColumns).filter { $0.1 == nil }.map {
                ResultColumns.itemColumnName(instrument, $0.0)
            }
            if !missing.isEmpty {
                problem(.missingItemColumns(missing))
            }
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        self.itemColumns = columns.map { $0.map { $0! } }
        self.passthroughColumns = passthrough
        self.studentIDColumn = studentID
    }

    /// The problems of `record` as a paper sheet (wrong field count, a non-number, a value that is not an
    /// option), with its answers read into `answers` (one array per instrument, item order; blank or invalid =
    /// nil). A record with any problem is rejected; when its valid answers still raise a crisis flag, one more
    /// problem of kind ``RecordProblem/Kind-swift.enum/crisis`` says so per flag: a rejected sheet must not hide
    /// a student at risk.
    package func problems(_ record: TableRecord, answers: inout [[Int?]]) -> [RecordProblem] {
        var problems = read(record, into: &answers)
        if !problems.isEmpty && record.count == header.count {
            problems += crisisNotes(line: record.line, answers: answers)
        }
        return problems
    }

    /// One note per crisis flag that `answers` raise (``Instrument/raisedFlags(_:)``), for a sheet that is not
    /// used: the counselor must look at the paper form today.
    func crisisNotes(line: Int, answers: [[Int?]]) -> [RecordProblem] {
        var notes: [RecordProblem] = []
        for (instrumentIndex, instrument) in instruments.enumerated() {
            for flagIndex in instrument.raisedFlags(answers[instrumentIndex]) where instrument.flags[flagIndex].kind == .crisis {
                let flag = instrument.flags[flagIndex]
                // The first of the flag's items whose answer raises it names the cell.
                guard
                    let itemIndex = instrument.items.indices.first(where: { position in
                        answers[instrumentIndex][position].map {
                            instrument.flags(raisedBy: $0, atItem: position).contains(flagIndex)
                        } ?? false
                    })
                else { continue }
                let column = itemColumns[instrumentIndex][itemIndex]
                notes.append(
                    RecordProblem(
                        .crisis, line: line, field: column + 1, column: header[column],
                        value: String(answers[instrumentIndex][itemIndex]!),
                        reason: .crisisOnRejectedRecord(flag: "\(instrument.id).\(flag.id)")))
            }
        }
        return notes
    }

    private func read(_ record: TableRecord, into answers: inout [[Int?]]) -> [RecordProblem] {
        for index in answers.indices { for item in answers[index].indices { answers[index][item] = nil } }
        if record.count != header.count {
            return [RecordProblem(line: record.line, reason: .wrongFieldCount(expected: header.count, found: record.count))]
        }
        var problems: [RecordProblem] = []
        for (instrumentIndex, columns) in itemColumns.enumerated() {
            let engine = engines[instrumentIndex]
            for (itemIndex, column) in columns.enumerated() {
                if record.isBlank(at: column) { continue }
                func problem(_ reason: RecordMessage) {
                    problems.append(
                        RecordProblem(
                            line: record.line, field: column + 1, column: header[column], value: record.string(at: column),
                            reason: reason))
                }
                let options = RecordMessage.notAnOption(engine.options(at: itemIndex))
                guard let value = record.integer(at: column) else {
                    // Too many digits to be a number we read is still a whole number: no option has it.
                    problem(record.isLongInteger(at: column) ? options : .notANumber)
                    continue
                }
                guard engine.accepts(value, at: itemIndex) else {
                    problem(options)
                    continue
                }
                answers[instrumentIndex][itemIndex] = value
            }
        }
        return problems
    }

    /// Empty answer arrays shaped for ``problems(_:answers:)``.
    package func emptyAnswers() -> [[Int?]] {
        instruments.map { Array(repeating: nil, count: $0.items.count) }
    }
}
