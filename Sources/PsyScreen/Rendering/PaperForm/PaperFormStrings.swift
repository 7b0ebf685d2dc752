/// The paper form's own words in its language, from the catalogue (``FormMessage``). Instrument and battery
/// texts are not here: they come from the XML files, as published.
struct PaperFormStrings: Sendable {
    let language: Language

    private func say(_ message: FormMessage) -> String { message.text(in: language) }

    var studentID: String { say(.studentID) }
    var name: String { say(.name) }
    var className: String { say(.className) }
    var date: String { say(.date) }
    var wave: String { say(.wave) }
    /// Written after each of the three blanks of the date (year, month, day). The date is not keyed in: any way
    /// of writing it will do.
    var dateSuffixes: [String] { (0..<3).map { say(.dateSuffix($0)) } }
    var howToAnswer: String { say(.howToAnswer) }
    var forTheCounselor: String { say(.forTheCounselor) }
    /// Over the column of item numbers.
    var number: String { say(.number) }
    var continued: String { say(.continued) }
    var crisisHeading: String { say(.crisisHeading) }
    var blankPage: String { say(.blankPage) }

    /// One copyright line shared by the instruments titled `titles`.
    func copyright(_ text: String, of titles: [String]) -> String { say(.copyright(text, titles: titles)) }

    func page(_ number: Int, of total: Int) -> String { say(.page(number, of: total)) }

    /// The HTML `lang` attribute.
    var htmlLanguage: String { language.tag }
}
