/// Reads a paper-results file record by record: the one reader behind `score` and `import` (and any other row
/// source, see ``RowSource``), so that both commands see the same sheets, reject the same records with the same
/// words, and find the same repeated student IDs.
///
/// ```swift
/// let reader = try PaperResultsReader(source: csv, instruments: battery.instruments, options: .init(…))
/// while let (kind, record) = try reader.next() {
///     switch kind {
///     case .blank: …                                   // every cell empty or spaces: skipped, counted
///     case .rejected: reader.problems …                // why, and crisis notes: a rejected sheet must not hide a student at risk
///     case .sheet: reader.answers …; try reader.rememberStudentID(record, …)
///     }
/// }
/// try reader.forEachRepeat { repeated in … }          // sheets whose student_id an earlier sheet had
/// ```
///
/// Memory stays flat whatever the file's size: a record is looked at in place, the answers go into one reused
/// buffer, and repeated IDs are found by an external sort on disk (``RepeatedIDFinder``), not a set of every ID.
package final class PaperResultsReader {
    package struct Options: Sendable {
        /// A sheet without a student ID is rejected (`import`: a sheet must belong to someone).
        package var requireStudentID: Bool
        /// Where the repeated-ID check keeps its scratch files (they have no name and vanish with the process).
        package var scratchDirectory: String
        /// Bytes of memory for finding repeated IDs; more only means fewer sort runs on disk.
        package var repeatMemory: Int
        /// Runs merged at once when sorting IDs (small values are for tests).
        package var fanIn: Int

        package init(
            requireStudentID: Bool = false, scratchDirectory: String = ScratchFile.defaultDirectory,
            repeatMemory: Int = 8 << 20, fanIn: Int = 64
        ) {
            self.requireStudentID = requireStudentID
            self.scratchDirectory = scratchDirectory
            self.repeatMemory = repeatMemory
            self.fanIn = fanIn
        }
    }

    /// What the record just read is.
    package enum Kind: Hashable, Sendable {
        /// A valid sheet: its answers are in ``answers``.
        case sheet
        /// Not a valid sheet: ``problems`` says why (and which crisis flags its answers raise).
        case rejected
        /// Every cell empty or only spaces and tabs (the rows Excel leaves below a table): skipped.
        case blank
    }

    package let layout: PaperResultsLayout
    package let source: any RowSource
    package let options: Options
    /// The decoded answers of the current sheet, every instrument's items in order.
    package let answers: SheetAnswers
    /// The problems of the current rejected record.
    package private(set) var problems: [RecordProblem] = []
    /// Records read so far, blank ones included.
    package private(set) var recordsRead = 0

    private let decoder: AnswerDecoder
    private var slowAnswers: [[Int?]]
    private let repeats: BackgroundRepeatFinder?
    private var repeatsFinished = false

    /// Reads the header of `source` and maps it onto `instruments`.
    /// - Throws: ``InputError`` for an empty file or header problems (every one at once).
    package init(source: any RowSource, instruments: [Instrument], options: Options = Options()) throws {
        let positions = source.positions
        guard let first = try source.next() else {
            throw InputError(at: positions.location(line: 1), RecordMessage.emptyFile)
        }
        let header = first.strings
        let headerLine = first.line
        do {
            layout = try PaperResultsLayout(
                header: header, instruments: instruments, positions: positions, headerLine: headerLine)
            if options.requireStudentID && layout.studentIDColumn == nil {
                throw InputError(at: positions.location(line: headerLine), RecordMessage.needsStudentID)
            }
        } catch let error as InputError {
            throw try source.headerExplanation() ?? error
        }
        self.source = source
        self.options = options
        decoder = AnswerDecoder(layout: layout)
        answers = SheetAnswers(count: decoder.itemCount)
        slowAnswers = layout.emptyAnswers()
        repeats = try layout.studentIDColumn.map { _ in
            BackgroundRepeatFinder(
                try RepeatedIDFinder(directory: options.scratchDirectory, memory: options.repeatMemory, fanIn: options.fanIn))
        }
    }

    deinit { if !repeatsFinished { repeats?.cancel() } }

    /// Reads the next record and says what it is; nil at the end of the file. The record is valid until the next
    /// call.
    package func next() throws -> (kind: Kind, record: TableRecord)? {
        guard let record = try source.next() else { return nil }
        recordsRead &+= 1
        return (classify(record), record)
    }

    private func classify(_ record: TableRecord) -> Kind {
        if record.isBlank(at: 0) && Self.isBlank(record) { return .blank }
        if decoder.decode(record, into: answers) {
            guard let problem = identityProblem(record) else { return .sheet }
            problems = [problem]
            if decoder.raisesCrisis(answers) { problems += layout.crisisNotes(line: record.line, answers: answersByInstrument()) }
            return .rejected
        }
        // The layout words the reasons; it also has the last word if the fast decoder ever refused a good sheet.
        problems = layout.problems(record, answers: &slowAnswers)
        guard problems.isEmpty else { return .rejected }
        answers.set(slowAnswers)
        guard let problem = identityProblem(record) else { return .sheet }
        problems = [problem]
        return .rejected
    }

    /// Whether the current sheet's answers raise a crisis flag (``Instrument/raisedFlags(_:)``).
    package var raisesCrisis: Bool { decoder.raisesCrisis(answers) }

    /// The current sheet's answers per instrument id, in item order (nil = blank).
    package func answersByInstrument() -> [[Int?]] {
        layout.instruments.indices.map { instrument in
            (decoder.itemStart[instrument]..<decoder.itemStart[instrument + 1]).map { answers[$0] }
        }
    }

    /// The current sheet, `record`, as a ``PaperSheet``.
    package func sheet(_ record: TableRecord) -> PaperSheet {
        PaperSheet(
            studentID: studentID(record), line: record.line,
            answers: Dictionary(uniqueKeysWithValues: zip(layout.instruments.map(\.id), answersByInstrument())))
    }

    /// The record's student ID, normalized (``StudentID/normalize(_:)``); empty without the column.
    package func studentID(_ record: TableRecord) -> String {
        layout.studentIDColumn.map { StudentID.normalize(record.string(at: $0)) } ?? ""
    }

    /// Remembers the student ID of the current sheet, `record`, for the repeated-ID check. `payload` comes back with the sheet if
    /// it turns out to repeat an earlier one (`score`: where its row is in the output and what it counted).
    package func rememberStudentID(_ record: TableRecord, _ payload: RepeatedSheet.Payload = .init()) throws {
        guard let column = layout.studentIDColumn else { return }
        try repeats?.add(
            record, column: column, outputOffset: payload.offset, outputLength: payload.length,
            tag: payload.tag << 1 | (decoder.raisesCrisis(answers) ? 1 : 0))
    }

    /// After the last record: calls `body` with every sheet whose student ID an earlier sheet had (the first
    /// sheet of an ID is the one kept), in line order. `meanwhile` runs on this thread while the IDs are sorted.
    package func forEachRepeat(meanwhile: () -> Void = {}, _ body: (RepeatedSheet) throws -> Void) throws {
        guard let repeats, let column = layout.studentIDColumn else { return }
        repeatsFinished = true
        let finder = try repeats.finish(meanwhile: meanwhile)
        try finder.forEachRepeat { found in
            try body(
                RepeatedSheet(
                    line: found.line, firstLine: found.firstLine, studentID: found.studentID,
                    raisesCrisis: found.tag & 1 != 0,
                    payload: .init(offset: found.outputOffset, length: found.outputLength, tag: found.tag >> 1),
                    field: column + 1, column: layout.header[column], inWorksheet: layout.positions.cells))
        }
    }

    /// Why a sheet whose answers are valid is still not one: no student ID where one is required, or control
    /// characters in it.
    private func identityProblem(_ record: TableRecord) -> RecordProblem? {
        guard let column = layout.studentIDColumn else { return nil }
        // The usual ID: printable ASCII, not blank. Nothing to check further, and no String to make.
        if record.isPrintableID(at: column) && !(options.requireStudentID && record.isBlank(at: column)) { return nil }
        let raw = record.string(at: column)
        func problem(_ reason: RecordMessage) -> RecordProblem {
            RecordProblem(line: record.line, field: column + 1, column: layout.header[column], value: raw, reason: reason)
        }
        if let control = InputExcerpt.firstControlCharacter(raw) {
            return problem(.controlCharacterInID(InputExcerpt.codePoint(control)))
        }
        if options.requireStudentID && StudentID.normalize(raw).isEmpty {
            return problem(.emptyStudentID)
        }
        return nil
    }

    /// Whether every field is empty or only spaces and tabs.
    private static func isBlank(_ record: TableRecord) -> Bool {
        record.isBlankRow
    }
}
