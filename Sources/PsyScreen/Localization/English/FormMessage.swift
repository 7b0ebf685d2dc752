/// The paper form's own words. Instrument and battery texts are not here: they come from the XML files, as
/// published.
package enum FormMessage: Message, Hashable {
    case studentID
    case name
    case className
    case date
    case wave
    /// Written after each of the three blanks of the date (year, month, day).
    case dateSuffix(Int)
    case howToAnswer
    case forTheCounselor
    /// Over the column of item numbers.
    case number
    case continued
    case crisisHeading
    case blankPage
    /// One copyright line shared by the instruments titled `titles`.
    case copyright(String, titles: [String])
    case page(Int, of: Int)

    package var english: String {
        switch self {
        case .studentID: "Student ID"
        case .name: "Name"
        case .className: "Class"
        case .date: "Date"
        case .wave: "Screening"
        case .dateSuffix(let index): index < 2 ? "–" : ""
        case .howToAnswer:
            "For each question, tick (✓) the one box that fits you best. If you do not want to take part, leave the form blank and hand it back."
        case .forTheCounselor:
            "The number beside each box and the code under each question number (such as phq9_1) are for the counselor who keys in the form."
        case .number: "No."
        case .continued: " (continued)"
        case .crisisHeading: "If you need help"
        case .blankPage: "(This page is intentionally left blank.)"
        case .copyright(let text, let titles): "\(titles.joined(separator: "; ")): \(text)"
        case .page(let number, let total): "Page \(number) of \(total)"
        }
    }
}
