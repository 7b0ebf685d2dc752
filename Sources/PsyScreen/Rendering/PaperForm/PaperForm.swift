/// The printed form of a battery: its blocks laid out on A4 pages.
///
/// The plan is made once and is the same for every student of a stack (only the identity block's contents differ,
/// and that block has a fixed size), so every form of a class has the same number of pages. Items come in the order
/// of the data-entry template's columns (``ResultColumns/itemColumns``): keying a form is reading it top to bottom.
/// Heights are estimated on the wide side (``PrintedTextMeasure``), so a page planned here fits on a printed page.
package struct PaperForm: Sendable {
    package let battery: Battery
    package let language: Language
    package let columns: ResultColumns
    /// The blocks of each page.
    package let pages: [[PaperFormBlock]]

    /// Plans the form. With `duplex`, a blank page is added when needed so that the page count is even and each
    /// student's form starts on a new sheet when the stack is printed on both sides.
    package init(battery: Battery, language: Language, duplex: Bool = false) {
        self.battery = battery
        self.language = language
        self.columns = ResultColumns(battery.instruments)
        // Instruments kept whole read best; splitting them is worth it only when it saves paper.
        let whole = Self.plan(battery, columns: columns, language: language, keepInstrumentsWhole: true)
        let split = Self.plan(battery, columns: columns, language: language, keepInstrumentsWhole: false)
        var pages = split.count < whole.count ? split : whole
        if duplex && pages.count % 2 == 1 { pages.append([.blankPage]) }
        self.pages = pages
    }

    private static func plan(
        _ battery: Battery, columns: ResultColumns, language: Language, keepInstrumentsWhole: Bool
    ) -> [[PaperFormBlock]] {
        var planner = Planner()
        let heights = PaperFormHeights(battery: battery, language: language)
        planner.add(.title, heights.title)
        planner.add(.identity, heights.identity)
        if !battery.consent.text(in: language.rawValue).isEmpty { planner.add(.consent, heights.consent) }
        planner.add(.howToAnswer, heights.howToAnswer)
        let byInstrument = Dictionary(grouping: columns.itemColumns, by: \.instrumentIndex)
        for (index, instrument) in battery.instruments.enumerated() {
            let tables = runs(byInstrument[index] ?? [], of: instrument)
            let heading = heights.heading(instrument)
            let whole = heading + tables.reduce(0) { $0 + heights.table($1, of: instrument) }
            // The title never ends a page: it stays with the first rows.
            let start = tables.first.map { heading + heights.table(Array($0.prefix(minimumRows($0))), of: instrument) } ?? heading
            let keep = keepInstrumentsWhole && whole <= PaperFormGeometry.pageBudget ? whole : start
            if !planner.fits(keep) { planner.newPage() }
            planner.add(.instrumentHeading(instrument: index), heading)
            let headingPage = planner.pages.count - 1
            for run in tables {
                var next = 0
                while next < run.count {
                    let continued = planner.pages.count - 1 != headingPage
                    var room =
                        PaperFormGeometry.pageBudget - planner.used
                        - heights.tableHeader(run[next], of: instrument, continued: continued)
                    var count = 0
                    while next + count < run.count {
                        room -= heights.row(run[next + count], of: instrument)
                        if room < 0 { break }
                        count += 1
                    }
                    if next + count < run.count {
                        // No single row at the foot of a page, nor alone at the top of the next.
                        if count < minimumRows(run) && !planner.isFresh {
                            planner.newPage()
                            continue
                        }
                        if run.count - (next + count) < minimumRows(run) && count - 1 >= minimumRows(run) { count -= 1 }
                    }
                    count = max(count, 1)  // a row taller than a page still gets a page
                    let chunk = Array(run[next..<next + count])
                    planner.add(
                        .items(instrument: index, columns: chunk, continued: continued),
                        heights.tableHeader(chunk[0], of: instrument, continued: continued)
                            + chunk.reduce(0) { $0 + heights.row($1, of: instrument) },
                        forced: true)
                    next += count
                    if next < run.count { planner.newPage() }
                }
            }
        }
        if !battery.closing.text(in: language.rawValue).isEmpty { planner.add(.closing, heights.closing) }
        if !battery.crisis.text(in: language.rawValue).isEmpty { planner.add(.crisis, heights.crisis) }
        planner.add(.copyright, heights.copyright)
        return planner.pages
    }

    /// Pages per student.
    package var pageCount: Int { pages.count }

    /// Rows of a run that stay together at a page break: two, unless the run is short.
    private static func minimumRows(_ run: [ResultColumns.ItemColumn]) -> Int { run.count >= 4 ? 2 : 1 }

    /// The item columns of `instrument` cut into runs of consecutive items sharing a response set.
    static func runs(_ columns: [ResultColumns.ItemColumn], of instrument: Instrument) -> [[ResultColumns.ItemColumn]] {
        var runs: [[ResultColumns.ItemColumn]] = []
        for column in columns {
            let set = instrument.items[column.itemIndex].responseSetID
            if let last = runs.last?.last, instrument.items[last.itemIndex].responseSetID == set {
                runs[runs.count - 1].append(column)
            } else {
                runs.append([column])
            }
        }
        return runs
    }

    /// Greedy filling of pages.
    private struct Planner {
        var pages: [[PaperFormBlock]] = [[]]
        var used = 0.0

        func fits(_ height: Double) -> Bool {
            used + height <= PaperFormGeometry.pageBudget || isFresh
        }

        mutating func newPage() {
            pages.append([])
            used = 0
        }

        /// Nothing placed on the current page yet.
        var isFresh: Bool { pages[pages.count - 1].isEmpty }

        /// Adds a block, on a new page when it does not fit on this one (unless `forced`: the caller has checked).
        mutating func add(_ block: PaperFormBlock, _ height: Double, forced: Bool = false) {
            if !forced && !fits(height) { newPage() }
            pages[pages.count - 1].append(block)
            used += height
        }
    }
}
