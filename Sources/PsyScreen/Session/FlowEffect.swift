/// Work only the driver can do (the database). Each is answered by one ``FlowEvent``.
package enum FlowEffect: Hashable, Sendable {
    /// Answered by ``FlowEvent/studentFound(_:)`` or ``FlowEvent/studentNotFound``.
    case lookUpStudent(id: String)
    /// Answered by ``FlowEvent/attemptStarted(_:)``. A refusal is stored as a `refused` attempt.
    case startAttempt(studentID: String, consented: Bool)
    /// `value` nil = skipped. Committed before the next item is shown; answered by ``FlowEvent/answerSaved(_:)``.
    case saveAnswer(attemptID: Int64, instrumentID: String, itemID: String, value: Int?, seconds: Double)
    /// Answered by ``FlowEvent/attemptFinished``.
    case finishAttempt(attemptID: Int64)
}
