import Foundation

/// The height (mm) each block of a form takes when printed, from ``PaperFormGeometry`` and the texts in one
/// language; every figure includes the gap under the block.
struct PaperFormHeights {
    typealias G = PaperFormGeometry
    let battery: Battery
    let language: String
    let strings: PaperFormStrings

    init(battery: Battery, language: Language) {
        self.battery = battery
        self.language = language.rawValue
        self.strings = PaperFormStrings(language: language)
    }

    var title: Double {
        G.height(
            of: battery.title.text(in: language), width: G.contentWidth, size: G.titleSize, leading: G.titleLeading, bold: true)
            + 2.5 + G.blockGap
    }

    var identity: Double { G.identityHeight + G.blockGap }

    var consent: Double {
        panel(battery.consent.text(in: language), width: G.contentWidth - 2 * G.panelPadding) + 2 * G.panelPadding + G.blockGap
    }

    var howToAnswer: Double {
        G.height(of: strings.howToAnswer, width: G.contentWidth, size: G.textSize, leading: G.textLeading, bold: true)
            + G.height(of: strings.forTheCounselor, width: G.contentWidth, size: G.smallSize, leading: G.smallLeading)
            + G.blockGap
    }

    func heading(_ instrument: Instrument) -> Double {
        1
            + G.height(
                of: instrument.title.text(in: language), width: G.contentWidth, size: G.headingSize, leading: G.headingLeading,
                bold: true)
            + 1 + panel(instrument.instructions.text(in: language), width: G.contentWidth) + 1.5
    }

    /// The option-label row over a table, the continuation caption if any, and the gap under the table.
    func tableHeader(_ column: ResultColumns.ItemColumn, of instrument: Instrument, continued: Bool) -> Double {
        let options = instrument.responses(for: instrument.items[column.itemIndex]).options
        let width = G.optionWidth(count: options.count) - 2 * G.cellPaddingHorizontal
        let lines =
            options.map { PrintedTextMeasure.lines($0.label.text(in: language), width: width, fontSize: G.labelSize) }.max() ?? 1
        var height = G.height(lines: lines, size: G.labelSize, leading: G.labelLeading) + 2 * 1.2 + 0.3 + G.blockGap
        if continued {
            height +=
                G.height(
                    of: instrument.title.text(in: language) + strings.continued, width: G.contentWidth, size: G.labelSize,
                    leading: 1.3, bold: true) + 1
        }
        return height
    }

    /// One item's row: its wording in the text column, at least the number and its column code.
    func row(_ column: ResultColumns.ItemColumn, of instrument: Instrument) -> Double {
        let item = instrument.items[column.itemIndex]
        let count = instrument.responses(for: item).options.count
        let text = G.height(
            of: item.text.text(in: language), width: G.textColumnWidth(options: count) - 2 * G.cellPaddingHorizontal,
            size: G.itemSize, leading: G.itemLeading)
        return max(text, rowMinimumContent) + 2 * G.cellPaddingVertical + 0.3
    }

    /// The number over its column code (`phq9_1`).
    var rowMinimumContent: Double {
        G.height(lines: 1, size: G.itemSize, leading: G.itemLeading) + G.height(lines: 1, size: G.codeSize, leading: 1.3)
    }

    func table(_ run: [ResultColumns.ItemColumn], of instrument: Instrument) -> Double {
        guard let first = run.first else { return 0 }
        return tableHeader(first, of: instrument, continued: false) + run.reduce(0) { $0 + row($1, of: instrument) }
    }

    var closing: Double { panel(battery.closing.text(in: language), width: G.contentWidth) + G.blockGap }

    var crisis: Double {
        let inner = G.contentWidth - 2 * (G.panelPadding + G.crisisBorder)
        return 2 * (G.panelPadding + G.crisisBorder)
            + G.height(of: strings.crisisHeading, width: inner, size: G.textSize + 1, leading: G.headingLeading, bold: true) + 1
            + panel(battery.crisis.text(in: language), width: inner) + G.blockGap
    }

    var copyright: Double {
        PaperFormHTML.copyrightLines(battery, strings: strings, language: language).reduce(0) {
            $0 + G.height(of: $1, width: G.contentWidth, size: G.smallSize, leading: G.smallLeading)
        } + G.blockGap
    }

    /// Paragraphs (separated by blank lines, as the XML loader keeps them) of body text.
    private func panel(_ text: String, width: Double) -> Double {
        let paragraphs = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        return paragraphs.reduce(0) { $0 + G.height(of: $1, width: width, size: G.textSize, leading: G.textLeading) }
            + Double(max(paragraphs.count - 1, 0)) * G.paragraphGap
    }
}
