/// One block of a printed form, in print order. A block is never split across pages; an instrument's items are
/// split into several ``items(instrument:columns:continued:)`` blocks where a page ends.
package enum PaperFormBlock: Hashable, Sendable {
    /// The battery's title.
    case title
    /// Student ID (boxes for handwriting, or printed), name, class, date.
    case identity
    /// The battery's consent text.
    case consent
    /// How to mark the answers (the form's own words).
    case howToAnswer
    /// An instrument's title and published instructions.
    case instrumentHeading(instrument: Int)
    /// Consecutive items of one instrument that share a response set, under a header row of its option labels.
    /// `continued` when the instrument began on an earlier page (its title is repeated, marked as continued).
    case items(instrument: Int, columns: [ResultColumns.ItemColumn], continued: Bool)
    /// The battery's closing text.
    case closing
    /// The battery's crisis text: where to get help now.
    case crisis
    /// The copyright lines the instruments require.
    case copyright
    /// A page left blank so that every form has an even number of pages (printing on both sides).
    case blankPage
}
