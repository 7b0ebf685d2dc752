/// What the store knows about a student who typed their ID.
package struct StudentLookup: Hashable, Sendable {
    package var student: Student
    /// The latest attempt of the student in the wave (terminal or paper), if any.
    package var latestAttempt: ScreeningAttempt?
    /// `instrument/item` keys of the latest attempt that have an answer row (a skip is a row too).
    package var answeredItems: Set<String>

    package init(student: Student, latestAttempt: ScreeningAttempt?, answeredItems: Set<String>) {
        self.student = student
        self.latestAttempt = latestAttempt
        self.answeredItems = answeredItems
    }
}
