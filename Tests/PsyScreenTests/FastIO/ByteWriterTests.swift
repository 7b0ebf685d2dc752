import Foundation
@testable import PsyScreen
import XCTest

/// ByteWriter in background mode: the bytes land in order, whatever the buffer hand-overs, and a failed write
/// is reported by the producer.
final class ByteWriterTests: XCTestCase {
    func testBackgroundWritesKeepEveryByteInOrder() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/out.bin"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var expected: [UInt8] = []
        do {
            let writer = ByteWriter(fileDescriptor: fd, name: path, capacity: 64)
            writer.writeInBackground(spare: 1)
            // Single bytes, short runs, integers and one run longer than the buffer, over many hand-overs.
            for round in 0..<2_000 {
                let byte = UInt8(truncatingIfNeeded: round)
                try writer.write(byte)
                expected.append(byte)
                let run = (0..<(round % 37)).map { UInt8(truncatingIfNeeded: $0 &+ round) }
                try run.withUnsafeBufferPointer { try writer.write($0) }
                expected += run
                try writer.write(integer: round - 1000)
                expected += Array(String(round - 1000).utf8)
                if round == 999 {
                    let long = [UInt8](repeating: 0x41, count: 200)
                    try long.withUnsafeBufferPointer { try writer.write($0) }
                    expected += long
                }
            }
            XCTAssertEqual(writer.position, expected.count)
            try writer.flush()
        }  // the writer and its thread end here
        XCTAssertEqual(try scratch.contents("out.bin"), expected)
    }

    func testAFailedBackgroundWriteIsThrownToTheProducer() throws {
        let readOnly = unwritableDescriptor()
        defer { close(readOnly) }
        let writer = ByteWriter(fileDescriptor: readOnly, name: "out.csv", capacity: 64)
        writer.writeInBackground()
        let bytes = [UInt8](repeating: 0x30, count: 50)
        var thrown: (any Error)?
        do {
            for _ in 0..<100 { try bytes.withUnsafeBufferPointer { try writer.write($0) } }
            try writer.flush()
        } catch {
            thrown = error
        }
        XCTAssertEqual((thrown as? FileError)?.code, EBADF)
        XCTAssertEqual((thrown as? FileError)?.path, "out.csv")
    }
}
