import Foundation
import LibFuzzer

/// What the fuzz targets share: where the repository is, and libFuzzer's driver for a target whose own `main` runs.
package enum FuzzSupport {
    /// The repository root (this file is Fuzz/FuzzSupport/FuzzSupport.swift): the fuzzers run from the source tree.
    package static let repositoryRoot: String = {
        if let root = ProcessInfo.processInfo.environment["PSYSCREEN_ROOT"], !root.isEmpty { return root }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The input as an array (libFuzzer passes a null pointer for the empty input).
    package static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Hands the command line to libFuzzer, which calls `callback` once per input. Used when the target's own
    /// `main` runs; with libFuzzer's `main` (how -sanitize=fuzzer links today) `LLVMFuzzerTestOneInput` is called
    /// directly. Either way the same function fuzzes.
    package static func runDriver(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }
}
