import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pseudo-terminal of a given size for `take`'s standard output, so that tests see what a student's terminal
/// gets: wrapping at its width, colour, clearing between students. Standard input stays a pipe.
final class PseudoTerminal: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let master: Int32
    private var slave: Int32
    private let lock = NSLock()
    private var collected = Data()
    private let done = DispatchGroup()

    init(columns: UInt16, rows: UInt16 = 24) throws {
        // openpty(3) is in glibc's libc since 2.34 (libutil before) but not in Swift's Glibc module: look it up.
        typealias OpenPTY =
            @convention(c) (
                UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<CChar>?, UnsafeRawPointer?,
                UnsafeRawPointer?
            ) -> Int32
        let symbol =
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openpty")
            ?? dlopen("libutil.so.1", RTLD_NOW).flatMap { dlsym($0, "openpty") }
        guard let symbol else { throw Failure(description: "openpty(3) is not available") }
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard unsafeBitCast(symbol, to: OpenPTY.self)(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        self.master = master
        self.slave = slave
    }

    /// Runs `process` with its standard output on the terminal and starts collecting what it writes.
    func run(_ process: Process) throws {
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        try process.run()
        // Only the child holds the terminal now: reading the master ends (EIO) when the child exits.
        close(slave)
        slave = -1
        done.enter()
        DispatchQueue.global().async { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                lock.withLock { collected.append(contentsOf: buffer[..<count]) }
            }
            done.leave()
        }
    }

    /// Everything written, with the terminal's `\r\n` turned back into `\n`.
    var output: String {
        lock.withLock { String(decoding: collected, as: UTF8.self) }.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Waits for the child's output to end.
    func finish() -> String {
        done.wait()
        close(master)
        return output
    }
}
