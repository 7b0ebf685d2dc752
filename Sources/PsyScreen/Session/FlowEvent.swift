/// What happens to the terminal flow: a line typed by the student, or the result of an effect it asked for.
///
/// The driver feeds exactly one result event for every ``FlowEffect`` it performs, before reading input again.
package enum FlowEvent: Hashable, Sendable {
    /// The program started: show the first prompt.
    case start
    /// One line of input, without its line terminator.
    case line(String)
    /// Standard input ended (a pipe ran out, or Ctrl-D at a terminal).
    case endOfInput
    /// Ctrl-C: ends the current student's session, never a kiosk.
    case interrupted
    /// Nothing typed for the kiosk's idle timeout.
    case idleTimeout

    /// Result of ``FlowEffect/lookUpStudent(id:)``: the roster entry and the latest attempt in the wave.
    case studentFound(StudentLookup)
    /// Result of ``FlowEffect/lookUpStudent(id:)``: the ID is not on the roster.
    case studentNotFound
    /// Result of ``FlowEffect/startAttempt(studentID:consented:)``.
    case attemptStarted(Int64)
    /// Result of ``FlowEffect/saveAnswer(attemptID:instrumentID:itemID:value:seconds:)``: committed, with the
    /// re-scored outcome.
    case answerSaved(BatteryScorer.Outcome)
    /// Result of ``FlowEffect/finishAttempt(attemptID:)``.
    case attemptFinished
    /// Any effect failed: nothing was stored by it.
    case storeFailed(LocalizedText)
    /// Result of ``FlowEffect/saveAnswer(attemptID:instrumentID:itemID:value:seconds:)`` when the database failed
    /// for good (not merely busy): the sitting's answers, this one included, were written to a recovery file
    /// instead (``TerminalFlow/unsavedSheet``).
    case answersKept
}
