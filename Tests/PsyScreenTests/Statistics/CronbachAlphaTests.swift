import PsyScreen
import XCTest

/// Fixtures from pingouin 0.7.0 (`pingouin/datasets/*.csv`, read with `pingouin.read_dataset`), expected values
/// from its `cronbach_alpha`:
///
///     import pingouin as pg
///     df = pg.read_dataset("cronbach_alpha")  # long format: Subj, Items, Scores
///     pg.cronbach_alpha(data=df, items="Items", scores="Scores", subject="Subj")      # 0.5917188485995826
///     pg.cronbach_alpha(data=pg.read_dataset("cronbach_wide_missing"), nan_policy="listwise")  # 0.8016949152542373
final class CronbachAlphaTests: XCTestCase {
    /// `cronbach_alpha.csv` pivoted to 15 subjects (rows, Subj 0…14) × items Q1…Q10 (columns).
    static let pingouinComplete: [[Double?]] = [
        [3, 2, 4, 1, 4, 5, 1, 4, 3, 2],
        [5, 4, 6, 3, 5, 1, 2, 5, 5, 5],
        [7, 3, 5, 5, 6, 4, 3, 3, 6, 5],
        [2, 4, 3, 3, 2, 2, 2, 6, 6, 3],
        [6, 5, 6, 5, 4, 4, 4, 6, 7, 5],
        [1, 2, 3, 4, 2, 5, 2, 3, 5, 2],
        [4, 3, 5, 3, 5, 2, 1, 2, 4, 3],
        [2, 4, 4, 3, 7, 2, 2, 4, 6, 5],
        [6, 5, 5, 5, 1, 6, 5, 2, 3, 2],
        [5, 4, 6, 4, 3, 5, 3, 1, 7, 2],
        [4, 3, 5, 2, 5, 3, 2, 3, 4, 1],
        [4, 2, 3, 2, 5, 3, 4, 2, 3, 4],
        [5, 5, 6, 2, 3, 3, 2, 4, 4, 5],
        [6, 5, 5, 4, 2, 2, 1, 4, 6, 5],
        [4, 3, 5, 5, 3, 1, 3, 2, 3, 4],
    ]

    /// `cronbach_wide_missing.csv`: 12 respondents × Q1…Q11, blanks as nil.
    static let pingouinWideMissing: [[Double?]] = [
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0],
        [nil, 0, 1, 1, nil, 1, 1, 1, 1, 0, 0],
        [1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0],
        [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0],
        [0, 1, nil, 0, 1, 1, 1, 1, 0, 0, 0],
        [1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
        [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
        [0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0],
        [1, 0, 0, 1, 0, 1, 0, 0, nil, 0, 0],
        [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    ]

    func testPingouinCompleteDataSet() throws {
        let result = try XCTUnwrap(CronbachAlpha(rows: Self.pingouinComplete))
        XCTAssertEqual(result.alpha, 0.5917188, accuracy: 1e-6)
        XCTAssertEqual(result.itemCount, 10)
        XCTAssertEqual(result.completeRows, 15)
    }

    func testPingouinMissingDataSetListwise() throws {
        let result = try XCTUnwrap(CronbachAlpha(rows: Self.pingouinWideMissing))
        XCTAssertEqual(result.alpha, 0.8016949, accuracy: 1e-6)
        XCTAssertEqual(result.itemCount, 11)
        XCTAssertEqual(result.completeRows, 9, "three respondents skipped an item")
    }

    func testNaNCountsAsMissing() throws {
        var rows: [[Double?]] = Self.pingouinWideMissing.map { $0.map { $0 ?? .nan } }
        rows.append([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, .nan])
        XCTAssertEqual(try XCTUnwrap(CronbachAlpha(rows: rows)).alpha, 0.8016949, accuracy: 1e-6)
    }

    func testUndefinedCases() {
        XCTAssertNil(CronbachAlpha(rows: []))
        XCTAssertNil(CronbachAlpha(rows: [[1], [2], [3]]), "one item")
        XCTAssertNil(CronbachAlpha(rows: [[1, 2], [2, nil], [nil, 3]]), "one complete row")
        XCTAssertNil(CronbachAlpha(rows: [[1, 2], [1, 2], [1, 2]]), "no variance of the total")
        XCTAssertNil(CronbachAlpha(rows: [[1, 2, 3], [2, 3], [3, 4]]), "short rows are incomplete")
    }
}
