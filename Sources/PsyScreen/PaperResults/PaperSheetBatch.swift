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
    /// Lines of the sheets whose answers raise a crisis flag (for those not stored because their student is not
    /// on the roster).
    package var crisisLines: Set<Int> = []
    package var encoding = "UTF-8"
    /// The student_id column: field number and header name (for problems found later, such as strangers).
    package var studentIDField = 1
    package var studentIDHeader = "student_id"

    /// Reads every record of `reader`; problems go to `problems` (repeats in its late stream 1).
    package static func read(_ reader: PaperResultsReader, problems: ProblemSpool) throws -> PaperSheetBatch {
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
                if reader.raisesCrisis { batch.crisisLines.insert(record.line) }
                try reader.rememberStudentID(record, .init(tag: UInt32(batch.sheets.count)))
                batch.sheets.append(reader.sheet(record))
            }
        }
        var repeated = Set<Int>()
        try reader.forEachRepeat { sheet in
            repeated.insert(Int(sheet.payload.tag))
            try problems.addLate(sheet.problem, stream: 1)
            batch.rejected += 1
            if sheet.raisesCrisis { batch.rejectedWithCrisis += 1 }
        }
        if !repeated.isEmpty {
            batch.sheets = batch.sheets.enumerated().filter { !repeated.contains($0.offset) }.map(\.element)
        }
        batch.encoding = reader.source.encodingName
        if let column = reader.layout.studentIDColumn {
            batch.studentIDField = column + 1
            batch.studentIDHeader = reader.layout.header[column]
        }
        return batch
    }
}
