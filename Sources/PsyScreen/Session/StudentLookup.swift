/// What the store knows about a student who typed their ID.
public struct StudentLookup: Hashable, Sendable {
    public var student: Student
    /// The latest attempt of the student in the wave (terminal or paper), if any.
    public var latestAttempt: ScreeningAttempt?
    /// `instrument/item` keys of the latest attempt that have an answer row (a skip is a row too).
    public var answeredItems: Set<String>

    public init(student: Student, latestAttempt: ScreeningAttempt?, answeredItems: Set<String>) {
        self.student = student
        self.latestAttempt = latestAttempt
        self.answeredItems = answeredItems
    }
}
