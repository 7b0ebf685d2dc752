/// A sheet whose student ID an earlier sheet of the same file had: rejected, the earlier one is kept.
package struct RepeatedSheet: Hashable, Sendable {
    /// What the caller remembered with the sheet (``PaperResultsReader/rememberStudentID(_:_:)``).
    package struct Payload: Hashable, Sendable {
        /// `score`: the sheet's row in the output, to cut it out.
        package var offset: Int
        package var length: Int
        /// Anything else the caller needs back (31 bits).
        package var tag: UInt32

        package init(offset: Int = 0, length: Int = 0, tag: UInt32 = 0) {
            self.offset = offset
            self.length = length
            self.tag = tag
        }
    }

    package var line: Int
    /// The line of the sheet with the same ID that is kept.
    package var firstLine: Int
    /// The normalized ID.
    package var studentID: String
    /// Whether this sheet's answers raise a crisis flag: the counselor must compare it with the kept one.
    package var raisesCrisis: Bool
    package var payload: Payload
    /// The student_id column: field number and header name.
    package var field: Int
    package var column: String
    /// The sheets are rows of a worksheet (messages say `row`, not `line`).
    package var inWorksheet = false

    /// The problem `score` and `import` report for it, in the same words.
    package var problem: RecordProblem {
        RecordProblem(
            raisesCrisis ? .crisis : .rejection, line: line, field: field, column: column, value: studentID,
            reason: .repeatsStudentID(firstLine: firstLine, raisesCrisis: raisesCrisis, rows: inWorksheet))
    }
}
