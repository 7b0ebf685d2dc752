/// The printed form's measurements in millimetres and points: the one source for the page plan (what fits on a
/// page) and for the style sheet (how the browser lays it out), so that the two cannot disagree.
enum PaperFormGeometry {
    // A4 portrait.
    static let pageWidth = 210.0
    static let pageHeight = 297.0
    static let marginVertical = 12.0
    static let marginHorizontal = 14.0
    static var contentWidth: Double { pageWidth - 2 * marginHorizontal }
    static var contentHeight: Double { pageHeight - 2 * marginVertical }

    /// The strip at the top of every page (title, who, page number) and the gap under it.
    static let runningHead = 9.0
    /// Room kept free at the bottom of every page, for fonts that set a line a little taller than planned.
    static let slack = 10.0
    /// What the blocks of one page may take together.
    static var pageBudget: Double { contentHeight - runningHead - slack }

    // Font sizes (pt) and line heights (multiples of the size).
    static let titleSize = 16.0
    static let headingSize = 12.5
    static let itemSize = 10.5
    static let textSize = 10.0
    static let labelSize = 8.5
    static let codeSize = 7.0
    static let smallSize = 7.5
    static let titleLeading = 1.25
    static let headingLeading = 1.3
    static let itemLeading = 1.4
    static let textLeading = 1.45
    static let labelLeading = 1.25
    static let smallLeading = 1.35

    /// Space under each block.
    static let blockGap = 3.0
    static let paragraphGap = 1.5
    /// Padding inside the shaded consent panel and the framed crisis box.
    static let panelPadding = 3.0
    static let crisisBorder = 0.6

    static let identityHeight = 22.0
    /// Printed name and class on a pre-filled form: their size, shrunk down to the minimum for a long one.
    static let fieldSize = 11.5
    static let fieldMinimumSize = 6.0
    static let fieldPadding = 1.5
    static let nameField = 44.0
    static let classField = 48.0
    static let idBoxWidth = 6.2
    static let idBoxHeight = 7.6

    // The item table: number column, text column, one column per option.
    static let numberColumn = 17.0
    static let cellPaddingVertical = 1.6
    static let cellPaddingHorizontal = 1.5
    static let answerBox = 4.6
    static let optionsRoom = 96.0

    /// Width of each option column when a response set has `count` options.
    static func optionWidth(count: Int) -> Double { min(18, optionsRoom / Double(max(count, 1))) }

    /// Width of the item-text column next to `count` option columns.
    static func textColumnWidth(options count: Int) -> Double {
        contentWidth - numberColumn - Double(count) * optionWidth(count: count)
    }

    /// Height (mm) of `lines` lines at `size` points with line height `leading`.
    static func height(lines: Int, size: Double, leading: Double) -> Double {
        Double(lines) * size * leading / PrintedTextMeasure.pointsPerMillimetre
    }

    /// Lines of `text` at `size` in `width` mm, as a height.
    static func height(of text: String, width: Double, size: Double, leading: Double, bold: Bool = false) -> Double {
        height(lines: PrintedTextMeasure.lines(text, width: width, fontSize: size, bold: bold), size: size, leading: leading)
    }

    /// Decimal millimetres for the style sheet (`12.5mm`).
    static func mm(_ value: Double) -> String { "\(ScoreFormat.string(value, decimals: 2))mm" }
    static func pt(_ value: Double) -> String { "\(ScoreFormat.string(value, decimals: 2))pt" }
}
