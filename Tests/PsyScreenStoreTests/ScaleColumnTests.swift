import Foundation
import PsyScreen
@testable import PsyScreenStore
import XCTest

/// The compact scales column reads back exactly what was written: no score, no band, fractions, negative and
/// large numbers, and ids holding the column's own separators.
final class ScaleColumnTests: XCTestCase {
    func testScalesReadBackExactly() throws {
        let scales = [
            ScaleScore(scaleID: "total", score: 12, answered: 9, itemCount: 9, status: .complete, bandID: "moderate"),
            ScaleScore(scaleID: "somatic", score: nil, answered: 2, itemCount: 4, status: .unscored, bandID: nil),
            ScaleScore(scaleID: "pct", score: 12.5, answered: 5, itemCount: 5, status: .complete, bandID: nil),
            ScaleScore(scaleID: "p", score: 20.571428571428573, answered: 7, itemCount: 9, status: .prorated, bandID: "severe"),
            ScaleScore(scaleID: "neg", score: -3, answered: 10, itemCount: 12, status: .complete, bandID: "low"),
            ScaleScore(scaleID: "tiny", score: 0.00001, answered: 0, itemCount: 0, status: .complete, bandID: nil),
            ScaleScore(scaleID: "huge", score: 1e300, answered: 1, itemCount: 1, status: .complete, bandID: nil),
            ScaleScore(scaleID: "a,b;c%2C", score: 0, answered: 1, itemCount: 1, status: .complete, bandID: "%;,x 中文"),
        ]
        let text = ScaleColumn.text(scales)
        XCTAssertEqual(
            text,
            "total,12,moderate,9,9,complete;somatic,,,2,4,unscored;pct,12.5,,5,5,complete;"
                + "p,20.571428571428573,severe,7,9,prorated;neg,-3,low,10,12,complete;tiny,1e-05,,0,0,complete;"
                + "huge,1e+300,,1,1,complete;a%2Cb%3Bc%252C,0,%25%3B%2Cx 中文,1,1,complete")
        XCTAssertEqual(try ScaleColumn.scales(text), scales)
        // One decoder over many texts (as a listing reads them) gives the same values every time.
        var decoder = ScaleColumn.Decoder()
        for _ in 0..<3 { XCTAssertEqual(try decoder.scales(text), scales) }
        XCTAssertEqual(try ScaleColumn.scales(""), [])
        XCTAssertEqual(ScaleColumn.text([]), "")
    }

    func testAnIdIsComparedInItsWrittenForm() throws {
        let text = ScaleColumn.text([
            ScaleScore(scaleID: "x;y", score: 4, answered: 1, itemCount: 1, status: .complete, bandID: "b,1")
        ])
        var found: [([UInt8], Double?, [UInt8]?)] = []
        try Array(text.utf8).withUnsafeBufferPointer { bytes in
            try ScaleColumn.forEachEntry(bytes) { entry in
                found.append((Array(entry.id), entry.score, entry.band.map(Array.init)))
            }
        }
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.0, ScaleColumn.escaped("x;y"))
        XCTAssertEqual(found.first?.1, 4)
        XCTAssertEqual(found.first?.2, ScaleColumn.escaped("b,1"))
    }

    func testATextThatIsNotTheColumnsFailsTheRead() {
        for text in [
            "total,12,moderate,9,9", "total,x,,9,9,complete", "total,1,,9,,complete", "total,1,,9,9,complete,7",
            "total,1,,9,9,finished",
        ] {
            XCTAssertThrowsError(try ScaleColumn.scales(text), text) { error in
                XCTAssertEqual((error as? StoredValue)?.column, "attempt.results", text)
            }
        }
    }
}
