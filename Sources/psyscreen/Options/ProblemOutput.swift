import ArgumentParser
import PsyScreen

/// Where the problems of `score` and `import` go: `--errors FILE` (CSV: line, field, column, value, reason;
/// owner-only, as it quotes IDs and answers) or stderr, one `FILE:LINE:FIELD: error: …` line each — the first
/// ``terminalLimit`` of them, then how many more there are and how to get them all. The CSV's column names are
/// the same in every language; the reasons, like the lines, are in the run's.
enum ProblemOutput {
    static let terminalLimit = 100

    /// `errors`: the `--errors` file, opened before any work (so that a path that cannot be written stops the run
    /// before anything is stored); `nil` for stderr.
    /// `positions`: how the input's places are named (`FILE:LINE:FIELD`, or `FILE!SHEET:B12` for a worksheet).
    static func write(
        _ problems: ProblemSpool, positions: InputPositions, to errors: OutputFile?, language: Language,
        byteOrderMark: Bool = false
    ) throws {
        let file = positions.name
        guard let errors else {
            let writer = ByteWriter(fileDescriptor: 2, name: "<stderr>", capacity: 64 << 10)
            var shown = 0
            try problems.write { problem in
                shown += 1
                guard shown <= terminalLimit else { return }
                try writer.write(RowProblemReport.line(problem, positions: positions, language: language))
                try writer.write(0x0A)
            }
            if shown > terminalLimit {
                try writer.write(
                    "\(file): \(CommandMessage.moreProblems(shown - terminalLimit, hint: .writeAllWithErrors).text(in: language))\n"
                )
            }
            try writer.flush()
            return
        }
        let writer = CSVWriter(
            fileDescriptor: errors.fileDescriptor, name: errors.path, options: .init(byteOrderMark: byteOrderMark))
        do {
            try writer.writeRecord(RowProblemReport.csvHeader)
            // The column names and values came from the input.
            try problems.write { problem in
                try writer.writeRecord(RowProblemReport.record(problem, language: language), neutralizingFormulas: true)
            }
            try writer.flush()
            try errors.commit()
        } catch {
            errors.discard()
            throw error
        }
    }

    /// Diagnostics as lines for stderr: the first ``terminalLimit``, then how many more there are.
    static func capped(_ diagnostics: [Diagnostic], file: String, more hint: MoreProblemsHint, language: Language) -> String {
        var lines = [InputError(Array(diagnostics.prefix(terminalLimit))).text(in: language)]
        if diagnostics.count > terminalLimit {
            lines.append(
                "\(file): \(CommandMessage.moreProblems(diagnostics.count - terminalLimit, hint: hint).text(in: language))")
        }
        return lines.joined(separator: "\n")
    }
}
