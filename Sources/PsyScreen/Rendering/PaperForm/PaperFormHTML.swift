import Foundation

/// `psyscreen form`: printable forms as one self-contained HTML page (inline CSS, no script, no link, nothing
/// fetched) that a browser prints on A4. Every page is a `section.page` followed by a page break, so the pages a
/// browser prints are the pages of the ``PaperForm`` plan; each student's form starts on a new page.
///
/// Instrument and battery texts are the XML's, escaped and otherwise untouched. Scores, bands and cut-offs are
/// never printed.
package enum PaperFormHTML {
    typealias G = PaperFormGeometry

    package static func render(_ form: PaperForm, for stack: PaperFormStack) -> String {
        let strings = PaperFormStrings(language: form.language)
        let language = form.language.rawValue
        // Only the identity block and the running heads differ between students: the rest is rendered once.
        let shared = form.pages.map { page in
            page.map { $0 == .identity ? nil : render($0, form: form, strings: strings) }
        }
        var body = ""
        switch stack {
        case .blank(let idBoxes):
            let boxes = min(max(idBoxes, PaperFormStack.idBoxRange.lowerBound), PaperFormStack.idBoxRange.upperBound)
            body += pages(form, shared, strings: strings, who: .blank(idBoxes: boxes))
        case .students(let students, let wave):
            for student in students { body += pages(form, shared, strings: strings, who: .student(student, wave: wave)) }
        }
        let title = HTMLText.escape(form.battery.title.text(in: language))
        return """
            <!DOCTYPE html>
            <html lang="\(strings.htmlLanguage)">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <style>
            \(PaperFormStyle.css(form.language))
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// The copyright lines of the battery's instruments; instruments asking for the same line share it.
    static func copyrightLines(_ battery: Battery, strings: PaperFormStrings, language: String) -> [String] {
        var order: [String] = []
        var titles: [String: [String]] = [:]
        for instrument in battery.instruments where !instrument.copyright.isEmpty {
            if titles[instrument.copyright] == nil { order.append(instrument.copyright) }
            titles[instrument.copyright, default: []].append(instrument.title.text(in: language))
        }
        return order.map { strings.copyright($0, of: titles[$0]!) }
    }

    private enum Who {
        case blank(idBoxes: Int)
        case student(Student, wave: String)
    }

    /// One student's form: `shared` holds each page's blocks as HTML, `nil` for the identity block.
    private static func pages(_ form: PaperForm, _ shared: [[String?]], strings: PaperFormStrings, who: Who) -> String {
        var html = ""
        for (number, blocks) in shared.enumerated() {
            html += "<section class=\"page\">\n"
            html += runningHead(form, strings: strings, who: who, page: number + 1)
            for block in blocks { html += block ?? identity(strings: strings, who: who) }
            html += "</section>\n"
        }
        return html
    }

    private static func runningHead(_ form: PaperForm, strings: PaperFormStrings, who: Who, page: Int) -> String {
        let title = HTMLText.escape(form.battery.title.text(in: form.language.rawValue))
        let person: String
        switch who {
        case .blank:
            person = "\(HTMLText.escape(strings.studentID)) <span class=\"line\"></span>"
        case .student(let student, _):
            person =
                "\(HTMLText.escape(strings.studentID)) <b>\(HTMLText.escape(student.studentID))</b> · \(HTMLText.escape(student.name))"
        }
        return "<div class=\"run\"><span>\(title)</span><span class=\"who\">\(person)</span><span>"
            + "\(HTMLText.escape(strings.page(page, of: form.pageCount)))</span></div>\n"
    }

    /// A block that is the same on every student's form (not ``PaperFormBlock/identity``).
    private static func render(_ block: PaperFormBlock, form: PaperForm, strings: PaperFormStrings) -> String {
        let battery = form.battery
        let language = form.language.rawValue
        switch block {
        case .title:
            return "<h1>\(HTMLText.escape(battery.title.text(in: language)))</h1>\n"
        case .identity:
            return ""
        case .consent:
            return "<div class=\"consent\">\(paragraphs(battery.consent.text(in: language)))</div>\n"
        case .howToAnswer:
            return "<p class=\"how\">\(HTMLText.escape(strings.howToAnswer))</p>\n"
                + "<p class=\"keying\">\(HTMLText.escape(strings.forTheCounselor))</p>\n"
        case .instrumentHeading(let index):
            let instrument = battery.instruments[index]
            return "<h2>\(HTMLText.escape(instrument.title.text(in: language)))</h2>\n"
                + "<div class=\"instructions\">\(paragraphs(instrument.instructions.text(in: language)))</div>\n"
        case .items(let index, let columns, let continued):
            return items(battery.instruments[index], columns: columns, continued: continued, form: form, strings: strings)
        case .closing:
            return "<div class=\"closing\">\(paragraphs(battery.closing.text(in: language)))</div>\n"
        case .crisis:
            return "<div class=\"crisis\"><h3>\(HTMLText.escape(strings.crisisHeading))</h3>"
                + "\(paragraphs(battery.crisis.text(in: language)))</div>\n"
        case .copyright:
            let lines = copyrightLines(battery, strings: strings, language: language)
            return "<div class=\"copyright\">\(lines.map { "<p>\(HTMLText.escape($0))</p>" }.joined())</div>\n"
        case .blankPage:
            return "<p class=\"blank-page\">\(HTMLText.escape(strings.blankPage))</p>\n"
        }
    }

    private static func identity(strings: PaperFormStrings, who: Who) -> String {
        var first = "<span class=\"label\">\(HTMLText.escape(strings.studentID))</span>"
        var name = "<span class=\"field name\"></span>", className = "<span class=\"field class\"></span>", wave = ""
        switch who {
        case .blank(let idBoxes):
            first += "<span class=\"idboxes\">\(String(repeating: "<i></i>", count: idBoxes))</span>"
        case .student(let student, let waveName):
            first += "<span class=\"field id\">\(HTMLText.escape(student.studentID))</span>"
            name = field("name", student.name, width: G.nameField)
            className = field("class", student.classLabel, width: G.classField)
            wave = "<span class=\"wave\">\(HTMLText.escape(strings.wave)) \(HTMLText.escape(waveName))</span>"
        }
        var date = "<span class=\"label\">\(HTMLText.escape(strings.date))</span><span class=\"date\">"
        for (index, suffix) in strings.dateSuffixes.enumerated() {
            date += "<span class=\"blank \(index == 0 ? "year" : "day")\"></span>\(HTMLText.escape(suffix))"
        }
        date += "</span>"
        return """
            <div class="identity">
            <div class="id-row">\(first)\(wave)</div>
            <div class="id-row"><span class="label">\(HTMLText.escape(strings.name))</span>\(name)\
            <span class="label">\(HTMLText.escape(strings.className))</span>\(className)\(date)</div>
            </div>

            """
    }

    /// A printed name or class: a long one is set smaller to fit whole (a name cut short could be another
    /// student's), down to a legible minimum.
    private static func field(_ kind: String, _ text: String, width: Double) -> String {
        let room = (width - 2 * G.fieldPadding) * PrintedTextMeasure.pointsPerMillimetre * 0.97
        let needed = PrintedTextMeasure.ems(text) * G.fieldSize
        var style = ""
        if needed > room {
            let size = max(G.fieldMinimumSize, (G.fieldSize * room / needed * 10).rounded(.down) / 10)
            style = " style=\"font-size:\(G.pt(size))\""
        }
        return "<span class=\"field \(kind)\"\(style)>\(HTMLText.escape(text))</span>"
    }

    private static func items(
        _ instrument: Instrument, columns: [ResultColumns.ItemColumn], continued: Bool, form: PaperForm, strings: PaperFormStrings
    ) -> String {
        guard let first = columns.first else { return "" }
        let language = form.language.rawValue
        let heights = PaperFormHeights(battery: form.battery, language: form.language)
        let options = instrument.responses(for: instrument.items[first.itemIndex]).options
        var html = ""
        if continued {
            html += "<p class=\"continued\">\(HTMLText.escape(instrument.title.text(in: language) + strings.continued))</p>\n"
        }
        html += "<table class=\"items\"><colgroup><col class=\"num\"><col>"
        html += String(repeating: "<col style=\"width:\(G.mm(G.optionWidth(count: options.count)))\">", count: options.count)
        html += "</colgroup>\n<thead><tr><th>\(HTMLText.escape(strings.number))</th><th></th>"
        for option in options { html += "<th>\(HTMLText.escape(option.label.text(in: language)))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for column in columns {
            let item = instrument.items[column.itemIndex]
            // The planned height is the row's minimum: a row is never shorter than the plan counted.
            html += "<tr style=\"height:\(G.mm(heights.row(column, of: instrument)))\">"
            html += "<td class=\"num\"><b>\(HTMLText.escape(item.id))</b><code>\(HTMLText.escape(column.name))</code></td>"
            html += "<td class=\"text\">\(HTMLText.escape(item.text.text(in: language)))</td>"
            for option in instrument.responses(for: item).options {
                html += "<td class=\"opt\"><span class=\"box\"></span><span class=\"value\">\(option.value)</span></td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// Paragraphs separated by blank lines, as the XML loader keeps them.
    private static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { "<p>\(HTMLText.escape($0))</p>" }.joined()
    }
}
