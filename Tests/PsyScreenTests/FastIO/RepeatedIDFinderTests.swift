@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

final class RepeatedIDFinderTests: XCTestCase {
    /// Adds `ids` (line = index + 2, output row = 10 bytes each) and returns the repeats the finder reports.
    func repeats(_ ids: [String], memory: Int, fanIn: Int = 64) throws -> (repeats: [RepeatedIDFinder.Repeat], runs: Int) {
        let scratch = try ScratchDirectory()
        let finder = try RepeatedIDFinder(directory: scratch.path, memory: memory, fanIn: fanIn)
        for (index, id) in ids.enumerated() {
            var bytes = Array(id.utf8)
            try bytes.withUnsafeMutableBufferPointer {
                try finder.add(
                    UnsafeBufferPointer($0), line: index + 2, outputOffset: index * 10, outputLength: 10, tag: UInt32(index))
            }
        }
        let runs = finder.spilledRuns
        var found: [RepeatedIDFinder.Repeat] = []
        try finder.forEachRepeat { found.append($0) }
        XCTAssertEqual(try scratch.listing(), [])
        return (found, runs)
    }

    /// The obvious in-memory answer: a dictionary of first lines.
    func expected(_ ids: [String]) -> [RepeatedIDFinder.Repeat] {
        var first: [String: Int] = [:]
        var result: [RepeatedIDFinder.Repeat] = []
        for (index, raw) in ids.enumerated() {
            let id = StudentID.normalize(raw)
            guard !id.isEmpty else { continue }
            if let line = first[id] {
                result.append(
                    .init(
                        line: index + 2, firstLine: line, outputOffset: index * 10, outputLength: 10, studentID: id,
                        tag: UInt32(index)))
            } else {
                first[id] = index + 2
            }
        }
        return result
    }

    func testRepeatsAreFoundAcrossManyMergedRunsInLineOrder() throws {
        var random = SplitMix64(seed: 7)
        // 3,000 records drawn from 2,000 IDs: about a third are repeats, some repeated several times.
        let ids = (0..<3000).map { _ in "S\(20_260_000 + random.next() % 2000)" }
        // Room for 40 keys in memory: 75 runs, merged two at a time in several passes.
        let (found, runs) = try repeats(ids, memory: 40 * 32, fanIn: 2)
        XCTAssertGreaterThan(runs, 50)
        XCTAssertEqual(found, expected(ids))
        XCTAssertGreaterThan(found.count, 500)
    }

    func testTheSameResultWithoutSpilling() throws {
        var random = SplitMix64(seed: 8)
        let ids = (0..<500).map { _ in "\(random.next() % 300)" }
        let (found, runs) = try repeats(ids, memory: 1 << 20)
        XCTAssertEqual(runs, 0)
        XCTAssertEqual(found, expected(ids))
    }

    func testIDsAreComparedNormalized() throws {
        let ids = ["a2025001", " A2025001 ", "Ａ２０２５００１", "A2025002", "", "  ", "a2025002\t", "学号1", "学号1 "]
        let (found, _) = try repeats(ids, memory: 64, fanIn: 2)
        XCTAssertEqual(found.map(\.line), [3, 4, 8, 10])
        XCTAssertEqual(found.map(\.firstLine), [2, 2, 5, 9])
        XCTAssertEqual(found.map(\.studentID), ["A2025001", "A2025001", "A2025002", "学号1"])
        XCTAssertEqual(found, expected(ids))
    }

    func testASCIIFastPathAgreesWithStudentIDNormalize() throws {
        // Every printable ASCII character and the whitespace controls, in random short strings.
        var random = SplitMix64(seed: 9)
        let alphabet = Array(" \t\n\r\u{0B}\u{0C}!\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~")
        let ids = (0..<2000).map { _ in
            String((0..<Int(random.next() % 5)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        XCTAssertEqual(try repeats(ids, memory: 1 << 16).repeats, expected(ids))
    }

    func testHashIsStableAndSpreads() {
        XCTAssertEqual(IDHash.hash(Array("A2025001".utf8)), IDHash.hash(Array("A2025001".utf8)))
        XCTAssertEqual(Set((0..<100_000).map { IDHash.hash(Array("S\($0)".utf8)) }).count, 100_000)
        // Lengths around the 8-byte word boundary all differ, and so do IDs that differ only past it.
        XCTAssertEqual(Set((0..<40).map { IDHash.hash(Array(String(repeating: "x", count: $0).utf8)) }).count, 40)
        XCTAssertNotEqual(IDHash.hash(Array("2026000000001".utf8)), IDHash.hash(Array("2026000000002".utf8)))
        // The top bits, which the radix sort buckets on, are spread: 100,000 IDs fill all 256 top-byte values.
        XCTAssertEqual(Set((0..<100_000).map { IDHash.hash(Array("2026\($0)".utf8)) >> 56 }).count, 256)
    }
}
