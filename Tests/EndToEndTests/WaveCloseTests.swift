import Foundation
import GRDB
import PsyScreenTestSupport
import XCTest

/// `wave close` of a wave closed with the same k and unchanged since leaves it as it is (a district's pattern takes
/// an hour to decide); another k, or a change since, decides the pattern again.
final class WaveCloseTests: XCTestCase {
    func testClosingAClosedUnchangedWaveAgainLeavesItAsItIs() throws {
        let school = try SchoolFolder()
        defer { school.remove() }
        let pattern = try Self.storedPattern(school)
        let again = try school.expect(["wave", "close", "w"], status: 0)
        XCTAssertEqual(
            again.stdout,
            "wave w is already closed with k = 10 and unchanged since: nothing to do (to decide its pattern again, open it first)\n"
        )
        XCTAssertEqual(again.stderr, "")
        XCTAssertEqual(try Self.storedPattern(school), pattern)
        XCTAssertEqual(pattern.keys.sorted(), [10])
        XCTAssertEqual(try Self.closings(school), 1)
        // Another k is a pattern of its own, decided now.
        let other = try school.expect(["wave", "close", "w", "--min-cell", "12"], status: 0)
        XCTAssertTrue(other.stdout.hasPrefix("closed wave w: "), other.stdout)
        XCTAssertEqual(try Self.closings(school), 2)
        // A wave opened again is closed again.
        try school.expect(["wave", "open", "w"], status: 0)
        let reopened = try school.expect(["wave", "close", "w", "--min-cell", "12"], status: 0)
        XCTAssertTrue(reopened.stdout.hasPrefix("closed wave w: "), reopened.stdout)
        XCTAssertEqual(try Self.closings(school), 3)
    }

    /// The `wave close` lines of the audit trail.
    private static func closings(_ school: SchoolFolder) throws -> Int {
        let trail = try school.expect(["audit"], status: 0).stdout
        return trail.split(separator: "\n").filter { $0.contains("wave close") }.count
    }

    /// The patterns stored, per k.
    private static func storedPattern(_ school: SchoolFolder) throws -> [Int: String] {
        try DatabaseQueue(path: school.database).read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT min_cell, pattern FROM wave_pattern").map {
                    ($0[0] as Int, $0[1] as String)
                })
        }
    }
}
