import Foundation
@testable import PsyScreen
import PsyScreenTestSupport
import XCTest

/// Random inputs: wherever the chunk boundaries fall, the records (or the error) must be the same.
final class CSVChunkingTests: XCTestCase {
    func testChunkSizeNeverChangesTheResult() throws {
        var random = SplitMix64(seed: 2026)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("7".utf8), Array(",".utf8), Array(";".utf8), Array("\"".utf8), Array("\"\"".utf8),
            Array("\r".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("高".utf8), Array(" ".utf8),
            [0xB8, 0xDF],  // 高 in GB18030
        ]
        let scratch = try ScratchDirectory()
        for index in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 40) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            let path = try scratch.file("r\(index).csv", bytes)
            var outcomes: [String] = []
            for size in [1, 2, 3, 1 << 20] {
                do {
                    outcomes.append("\(try readRows(path, .init(chunkSize: size)))")
                } catch let error as InputError {
                    outcomes.append(error.description)
                }
            }
            XCTAssertEqual(Set(outcomes).count, 1, "\(bytes): \(outcomes)")
        }
    }
}
