@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The page plan: every item once, in column order, never more on a page than fits, instruments kept whole when
/// that costs no paper.
final class PaperFormTests: XCTestCase {
    let annual = Fixtures.catalog.battery("annual")!

    /// The annual battery's texts around a long list of instruments (CES-D has 20 items, WHO-5 six options).
    var long: Battery {
        var battery = annual
        battery.instruments = ["cesd", "k10", "who5", "phq9", "gad7"].map(Fixtures.instrument)
        return battery
    }

    func items(_ form: PaperForm) -> [String] {
        form.pages.flatMap { $0 }.flatMap { block -> [String] in
            if case .items(_, let columns, _) = block { return columns.map(\.name) }
            return []
        }
    }

    /// What the plan counts for one page.
    func height(_ page: [PaperFormBlock], _ form: PaperForm) -> Double {
        let heights = PaperFormHeights(battery: form.battery, language: form.language)
        return page.reduce(0) { total, block in
            switch block {
            case .title: total + heights.title
            case .identity: total + heights.identity
            case .consent: total + heights.consent
            case .howToAnswer: total + heights.howToAnswer
            case .instrumentHeading(let index): total + heights.heading(form.battery.instruments[index])
            case .items(let index, let columns, let continued):
                total + heights.tableHeader(columns[0], of: form.battery.instruments[index], continued: continued)
                    + columns.reduce(0) { $0 + heights.row($1, of: form.battery.instruments[index]) }
            case .closing: total + heights.closing
            case .crisis: total + heights.crisis
            case .copyright: total + heights.copyright
            case .blankPage: total
            }
        }
    }

    func testTheAnnualBatteryTakesTwoPagesInBothLanguagesEachInstrumentWhole() {
        for language in Language.allCases {
            let form = PaperForm(battery: annual, language: language)
            XCTAssertEqual(form.pageCount, 2, "\(language)")
            XCTAssertEqual(items(form), ResultColumns(annual.instruments).itemColumnNames)
            XCTAssertEqual(form.pages[0].prefix(4), [.title, .identity, .consent, .howToAnswer])
            XCTAssertEqual(form.pages[1].suffix(3), [.closing, .crisis, .copyright])
            let continued = form.pages.flatMap { $0 }.contains { if case .items(_, _, true) = $0 { true } else { false } }
            XCTAssertFalse(continued, "\(language)")
        }
    }

    func testALongBatteryContinuesOnNewPagesWithoutLosingOrSplittingAnItem() {
        for language in Language.allCases {
            let form = PaperForm(battery: long, language: language)
            XCTAssertEqual(items(form), ResultColumns(long.instruments).itemColumnNames, "\(language)")
            XCTAssertGreaterThanOrEqual(form.pageCount, 4)
            for (number, page) in form.pages.enumerated() {
                XCTAssertFalse(page.isEmpty)
                XCTAssertLessThanOrEqual(height(page, form), PaperFormGeometry.pageBudget, "\(language) page \(number + 1)")
                // A title never ends a page.
                if case .instrumentHeading = page.last { XCTFail("\(language) page \(number + 1) ends with a title") }
            }
            XCTAssertEqual(form.pages.last?.last, .copyright)
        }
    }

    func testDuplexPadsToAnEvenPageCount() {
        var odd: PaperForm?
        for battery in [annual, long] {
            for language in Language.allCases {
                let plain = PaperForm(battery: battery, language: language)
                let duplex = PaperForm(battery: battery, language: language, duplex: true)
                XCTAssertEqual(duplex.pageCount % 2, 0)
                if plain.pageCount % 2 == 1 {
                    odd = plain
                    XCTAssertEqual(duplex.pages.last, [.blankPage])
                    XCTAssertEqual(Array(duplex.pages.dropLast()), plain.pages)
                } else {
                    XCTAssertEqual(duplex.pages, plain.pages)
                }
            }
        }
        XCTAssertNotNil(odd, "no odd page count to pad among the batteries tried")
    }

    func testRunsOfItemsShareAResponseSet() {
        var instrument = Fixtures.instrument("phq9")
        instrument.responseSets.append(
            ResponseSet(
                id: "yesno",
                options: [
                    .init(value: 0, label: LocalizedText("No")), .init(value: 1, label: LocalizedText("Yes")),
                ]))
        instrument.items[3].responseSetID = "yesno"
        instrument.items[4].responseSetID = "yesno"
        let columns = ResultColumns([instrument]).itemColumns
        XCTAssertEqual(
            PaperForm.runs(columns, of: instrument).map { $0.map(\.name) },
            [
                ["phq9_1", "phq9_2", "phq9_3"], ["phq9_4", "phq9_5"], ["phq9_6", "phq9_7", "phq9_8", "phq9_9"],
            ])
    }
}
