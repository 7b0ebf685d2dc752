import ArgumentParser
import PsyScreen

/// Where the problems of `score` and `import` go: `--errors FILE` (CSV: line, field, column, value, reason) or
/// stderr, one `FILE:LINE:COLUMN: error: …` line each — the first ``terminalLimit`` of them, then how many more
/// there are and how to get them all.
enum ProblemOutput {
    static let terminalLimit = 100

    static func write(_ problems: ProblemSpool, file: String, to errorsFile: AtomicFileWriter?, byteOrderMark: Bool) throws {
        if let errorsFile {
            let writer = CSVWriter(fileDescriptor: errorsFile.fileDescriptor, name: errorsFile.path, options: .init(byteOrderMark: byteOrderMark))
            try writer.writeRecord(RowProblemReport.csvHeader)
            try problems.write { problem in
                // The column name and the value came from the input.
                try writer.writeRecord(RowProblemReport.record(problem), neutralizingFormulas: true)
            }
            try writer.flush()
            try errorsFile.commit()
            return
        }
        let writer = ByteWriter(fileDescriptor: 2, name: "<stderr>", capacity: 64 << 10)
        var shown = 0
        try problems.write { problem in
            shown += 1
            guard shown <= terminalLimit else { return }
            try writer.write(RowProblemReport.line(problem, file: file))
            try writer.write(0x0A)
        }
        if shown > terminalLimit {
            try writer.write("\(file): \(moreLine(shown - terminalLimit, "write them all with --errors FILE"))\n")
        }
        try writer.flush()
    }

    /// Prints diagnostics on stderr, the first ``terminalLimit`` of them, then how many more there are.
    static func print(_ diagnostics: [Diagnostic], file: String, more hint: String) {
        for diagnostic in diagnostics.prefix(terminalLimit) { printError(diagnostic.description) }
        if diagnostics.count > terminalLimit { printError("\(file): \(moreLine(diagnostics.count - terminalLimit, hint))") }
    }

    private static func moreLine(_ count: Int, _ hint: String) -> String {
        "\(count) more problem\(count == 1 ? "" : "s") not shown; \(hint)"
    }
}
