/// Every valid sheet of a paper-results file, for `import`: read with ``PaperResultsReader`` (the same reading,
/// rejections and repeated-ID check as `score`), the problems spooled in line order.
package struct PaperSheetBatch: Sendable {
    /// The sheets to store, in file order; repeats of an earlier student ID are already taken out.
    package var sheets: [PaperSheet] = []
    /// Records read, not counting blank ones.
    package var records = 0
    package var blankRecords = 0
    /// Records not used: rejected, or repeating an earlier student ID.
    package var rejected = 0
    /// Of the rejected, those whose answers raise a crisis flag.
    package var rejectedWithCrisis = 0
    /// Lines of the sheets whose answers raise a crisis flag (``read(_:problems:)`` only).
    package var crisisLines: Set<Int> = []
    package var encoding = LocalizedText(english: "UTF-8", chinese: "UTF-8")
    /// The student_id column: field number and header name (for problems found later, such as strangers).
    package var studentIDField = 1
    package var studentIDHeader = "student_id"

    /// Reads every record of `reader` and keeps the sheets; problems go to `problems` (repeats in its late
    /// stream 1).
    package static func read(_ reader: PaperResultsReader, problems: ProblemSpool) throws -> PaperSheetBatch {
        var sheets: [PaperSheet] = []
        var crisisLines: Set<Int> = []
        var batch = try stream(
            reader, problems: problems,
            sheet: { record in
                if reader.raisesCrisis { crisisLines.insert(record.line) }
                sheets.append(reader.sheet(record))
                return sheets.count - 1
            },
            drop: { sheets[$0].line = -1 })
        batch.sheets = sheets.filter { $0.line >= 0 }
        batch.crisisLines = crisisLines
        return batch
    }

    /// Reads every record of `reader`, handing each valid sheet to `sheet` as it comes (the reader's current
    /// record and answers; `sheet` returns a number for it), then `drop`s the sheets that turned out to repeat an
    /// earlier student ID. Memory stays flat: nothing of a sheet is kept here. ``sheets`` stays empty.
    package static func stream(
        _ reader: PaperResultsReader, problems: ProblemSpool, sheet: (TableRecord) throws -> Int,
        drop: (Int) throws -> Void
    ) throws -> PaperSheetBatch {
        var batch = PaperSheetBatch()
        while let (kind, record) = try reader.next() {
            switch kind {
            case .blank:
                batch.blankRecords += 1
            case .rejected:
                batch.records += 1
                batch.rejected += 1
                for problem in reader.problems { try problems.add(problem) }
                if reader.problems.contains(where: { $0.kind == .crisis }) { batch.rejectedWithCrisis += 1 }
            case .sheet:
                batch.records += 1
                let number = try sheet(record)
                try reader.rememberStudentID(record, .init(tag: UInt32(number)))
            }
        }
        try reader.forEachRepeat { repeated in
            try drop(Int(repeated.payload.tag))
            try problems.addLate(repeated.problem, stream: 1)
            batch.rejected += 1
            if repeated.raisesCrisis { batch.rejectedWithCrisis += 1 }
        }
        batch.encoding = reader.source.encodingName
        if let column = reader.layout.studentIDColumn {
            batch.studentIDField = column + 1
            batch.studentIDHeader = reader.layout.header[column]
        }
        return batch
    }
}
