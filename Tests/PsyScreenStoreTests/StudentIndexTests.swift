@testable import PsyScreenStore
import XCTest

/// The report's roster index: every ID inserted is found as the entry it was inserted as, once sealed, whatever
/// the order the table placed them in; an ID never inserted is not found.
final class StudentIndexTests: XCTestCase {
    func testEveryInsertedIDIsFoundAsItsEntryAndNoOtherID() {
        // Short, long, empty, Chinese, and IDs that differ in one byte only.
        let ids = [""] + (0..<50_000).map { "S\($0)" } + (0..<2_000).map { "学生-\($0)-" + String(repeating: "x", count: $0 % 40) }
        var index = StudentIndex(capacity: 10)  // smaller than the roster: the capacity is only a hint
        for id in ids {
            id.utf8CString.withUnsafeBufferPointer {
                index.insert(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: UInt8.self), count: $0.count - 1)
            }
        }
        index.seal()
        XCTAssertEqual(index.count, ids.count)
        for (entry, id) in ids.enumerated() { XCTAssertEqual(Self.find(id, in: index), entry, id) }
        for absent in ["S50000", "S-1", "s1", "学生-0", "S1 ", "\u{0}"] { XCTAssertNil(Self.find(absent, in: index), absent) }
    }

    func testAnEmptyIndexFindsNothing() {
        var index = StudentIndex(capacity: 0)
        index.seal()
        XCTAssertNil(Self.find("S1", in: index))
        XCTAssertNil(Self.find("", in: index))
    }

    private static func find(_ id: String, in index: StudentIndex) -> Int? {
        id.utf8CString.withUnsafeBufferPointer {
            index.find(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: UInt8.self), count: $0.count - 1)
        }
    }
}
