import PsyScreen
import PsyScreenTestSupport
import XCTest

/// The tables give exactly what the engine gives, on random forms with blanks, for every shipped instrument and
/// one that is not shipped (negative and large option values, reverse-keyed items, a mean scale).
final class TabulatedScorerTests: XCTestCase {
    func testAgreesWithTheEngineOnRandomForms() throws {
        let instruments = ["phq9", "gad7", "k10", "who5", "cesd"].map(Fixtures.instrument) + [MoodFixture.instrument]
        let scorer = try TabulatedScorer(instruments)
        let engines = instruments.map(ScoringEngine.init)
        let row = scorer.makeRow()
        let answers = SheetAnswers(count: scorer.itemCount)
        var random = SplitMix64(seed: 3)
        for _ in 0..<5000 {
            var forms: [[Int?]] = []
            let blankRate = random.next() % 4  // 0: none, up to 3 in 10
            for instrument in instruments {
                forms.append(
                    instrument.items.map { item in
                        let values = instrument.responses(for: item).values
                        return random.next() % 10 < blankRate ? nil : values[Int(random.next() % UInt64(values.count))]
                    })
            }
            answers.set(forms)
            scorer.score(answers, into: row)
            for (index, engine) in engines.enumerated() {
                let expected = try engine.score(forms[index])
                for (scaleIndex, scale) in expected.scales.enumerated() {
                    let outcome = scorer.outcomes[row.outcome(ofScale: scorer.scaleStart[index] + scaleIndex)]
                    XCTAssertEqual(outcome.score, scale.score, "\(engine.instrument.id) \(forms[index])")
                    XCTAssertEqual(outcome.bandID, scale.bandID)
                    XCTAssertEqual(outcome.status, scale.status)
                }
                let flags = engine.instrument.flags.enumerated().filter { row.flagMask(index) & (1 << $0.offset) != 0 }.map(
                    \.element.id)
                XCTAssertEqual(flags, expected.flags, "\(engine.instrument.id) \(forms[index])")
                XCTAssertEqual(scorer.raisesCrisis(row, instrument: index), expected.hasCrisis)
                XCTAssertEqual(
                    row.statusRank(index), [ScoringStatus.complete, .prorated, .unscored].firstIndex(of: expected.status))
            }
        }
        // Equal results share an outcome: far fewer than forms.
        XCTAssertLessThan(scorer.outcomes.count, 5000)
    }
}
