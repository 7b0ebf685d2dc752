/// One scored paper form to store: the answers as keyed in, and where they came from.
package struct PaperSheet: Hashable, Sendable {
    package var studentID: String
    /// Physical line of the record in the input file.
    package var line: Int
    /// Per instrument id, in item order (`nil` = blank).
    package var answers: [String: [Int?]]

    package init(studentID: String, line: Int, answers: [String: [Int?]]) {
        self.studentID = studentID
        self.line = line
        self.answers = answers
    }
}
