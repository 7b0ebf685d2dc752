import PsyScreen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress bar on stderr for long jobs, redrawn at most ten times a second; only when stderr is a
/// terminal, so logs and pipes get nothing extra.
final class ProgressBar {
    private let totalBytes: Int?
    private let label: ProgressLabel
    private let language: Language
    private var lastDraw: Double = 0
    private var drawn = false

    /// `nil` when stderr is not a terminal.
    static func forTerminal(label: ProgressLabel, language: Language, inputPath: String) -> ProgressBar? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var info = stat()
        let found = inputPath == "-" ? fstat(STDIN_FILENO, &info) == 0 : stat(inputPath, &info) == 0
        let size = found && (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0 ? Int(info.st_size) : nil
        return ProgressBar(label: label, language: language, totalBytes: size)
    }

    init(label: ProgressLabel, language: Language, totalBytes: Int?) {
        self.label = label
        self.language = language
        self.totalBytes = totalBytes
    }

    /// Records seen and input bytes read so far.
    func update(records: Int, bytes: Int) {
        let now = Self.seconds()
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        draw(Self.line(label: label, records: records, bytes: bytes, totalBytes: totalBytes, language: language))
    }

    /// Clears the bar, so the summary line starts clean.
    func finish() {
        if drawn { draw("") }
    }

    /// The bar's text: `[=========>          ]  45%  450000 records`, or just the count when the size is unknown.
    static func line(label: ProgressLabel, records: Int, bytes: Int, totalBytes: Int?, language: Language) -> String {
        let (name, count) = (label.text(in: language), CommandMessage.records(records).text(in: language))
        guard let totalBytes, totalBytes > 0 else { return "\(name): \(count)" }
        let fraction = min(Double(bytes) / Double(totalBytes), 1)
        let width = 30
        let done = Int(fraction * Double(width))
        let bar =
            String(repeating: "=", count: done) + (done < width ? ">" : "")
            + String(repeating: " ", count: max(width - done - 1, 0))
        let percent = String(Int(fraction * 100))
        return "\(name) [\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent)%  \(count)"
    }

    private func draw(_ text: String) {
        drawn = true
        var bytes = Array("\r\u{1B}[K\(text)".utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress!, $0.count) }
    }

    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
