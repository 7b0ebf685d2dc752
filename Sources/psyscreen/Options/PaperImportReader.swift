import ArgumentParser
import PsyScreen
import PsyScreenStore

/// Reads a paper-results file into sheets for `import`: every record parsed, problems collected by line.
enum PaperImportReader {
    struct Parsed {
        var sheets: [PaperSheet] = []
        var problems: [PaperResultsLayout.Problem] = []
        var records = 0
        var problemRecords = 0
        /// Records not stored (rejected) whose answers raise a crisis flag.
        var rejectedWithCrisis = 0
        /// Lines of the accepted sheets whose answers raise a crisis flag (for strangers, who are not stored).
        var crisisLines: Set<Int> = []
        var encoding = ""
    }

    static func read(_ file: String, battery: Battery, csv: CSVInputOptions) throws -> Parsed {
        let reader = try csv.open(file)
        var parsed = Parsed()
        guard let header = try reader.nextRecord({ $0.strings }) else { throw CLIError("the file is empty", file: "\(file):1") }
        let layout = try PaperResultsLayout(header: header, instruments: battery.instruments, file: file)
        guard let idColumn = layout.studentIDColumn else {
            throw CLIError("import needs a student_id column", file: "\(file):1")
        }
        var answers = layout.emptyAnswers()
        var firstLine: [String: Int] = [:]
        try reader.forEachRecord { record in
            if record.isBlank { return }
            parsed.records += 1
            var problems: [PaperResultsLayout.Problem] = []
            layout.parse(record, into: &answers, problems: &problems)
            let id = StudentID.normalize(record.string(at: idColumn))
            if problems.isEmpty {
                if id.isEmpty {
                    problems.append(.init(line: record.line, column: layout.header[idColumn], value: "", reason: "is empty: every record needs a student_id"))
                } else if let first = firstLine[id] {
                    problems.append(
                        .init(line: record.line, column: layout.header[idColumn], value: id, reason: "repeats the student_id of line \(first)"))
                    problems += layout.crisisNotes(line: record.line, answers: answers, values: { record.string(at: $0) })
                }
            }
            if problems.isEmpty {
                firstLine[id] = record.line
                if !layout.crisisNotes(line: record.line, answers: answers).isEmpty { parsed.crisisLines.insert(record.line) }
                parsed.sheets.append(
                    PaperSheet(
                        studentID: id, line: record.line,
                        answers: Dictionary(uniqueKeysWithValues: zip(battery.instruments.map(\.id), answers))))
            } else {
                parsed.problemRecords += 1
                if problems.contains(where: PaperResultsLayout.isCrisisNote) { parsed.rejectedWithCrisis += 1 }
                parsed.problems += problems
            }
        }
        parsed.encoding = reader.encoding.displayName
        return parsed
    }
}
