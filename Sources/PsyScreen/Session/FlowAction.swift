/// What the terminal flow asks its driver to do, in order.
package enum FlowAction: Hashable, Sendable {
    /// Write something for the student.
    case show(FlowOutput)
    /// Do this against the database and feed the result back as an event. Always the last action of a step.
    case perform(FlowEffect)
    /// End the program with this status.
    case exit(Int32)
}
