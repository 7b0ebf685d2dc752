/// Who the printed forms are for.
package enum PaperFormStack: Hashable, Sendable {
    /// One blank form, with `idBoxes` boxes for the student ID to be written in.
    case blank(idBoxes: Int)
    /// One form per student, in the order given (roster order), with ID, name and class printed.
    case students([Student], wave: String)

    /// The default number of student-ID boxes on a blank form.
    package static let defaultIDBoxes = 10
    /// Boxes that fit on the identity line.
    package static let idBoxRange = 4...20
}
