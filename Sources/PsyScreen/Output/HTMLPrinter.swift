import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints a self-contained HTML page to PDF with a headless Chromium (or Chrome, or Edge) found on the machine,
/// for `form --format pdf`.
///
/// The page is written to a private temporary folder (0700, removed afterwards, with its browser profile) and
/// printed from there, so no printed form is left behind (the page and the PDF are removed on an interrupt too,
/// where the command installed ``TemporaryFileCleanup``) and no user profile is touched. Running as root, as a
/// CI container does, Chromium refuses to start with its sandbox; the page is ours (no script, nothing fetched),
/// so the sandbox is then turned off.
package struct HTMLPrinter: Sendable {
    /// The browser binary.
    package let executable: String

    package init(executable: String) { self.executable = executable }

    /// Overrides the search: the path of a Chromium-family browser.
    package static let environmentVariable = "PSYSCREEN_CHROMIUM"
    /// Looked up on `PATH`, in this order.
    package static let candidates = [
        "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable",
    ]

    /// What to tell a user who has none.
    /// What to say when no browser is found.
    package static var notFound: CommandMessage { .noBrowser(candidates: candidates, variable: environmentVariable) }

    /// The browser named by ``environmentVariable``, else the first of ``candidates`` on `PATH`.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> HTMLPrinter? {
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            return isExecutable(explicit) ? HTMLPrinter(executable: explicit) : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in candidates {
            for directory in path.split(separator: ":") where !directory.isEmpty {
                let candidate = "\(directory)/\(name)"
                if isExecutable(candidate) { return HTMLPrinter(executable: candidate) }
            }
        }
        return nil
    }

    /// The PDF of `html` (A4 as the page's `@page` rule says, no browser header or footer).
    /// - Throws: ``FileError`` naming the browser when it fails, does not finish within `timeout` seconds, or
    ///   writes no PDF.
    package func pdf(of html: String, timeout: Double = 600) throws(FileError) -> [UInt8] {
        var template = Array("\(ScratchFile.defaultDirectory)/psyscreen-print-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw FileError.system(ScratchFile.defaultDirectory, .createTemporaryFolder)
        }
        let directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let page = directory + "/form.html", output = directory + "/form.pdf", log = directory + "/browser.log"
        // The page and the PDF may hold names: an interrupt must not leave them behind either.
        let registrations = [page, output].map(TemporaryFileCleanup.register)
        defer { registrations.forEach(TemporaryFileCleanup.unregister) }
        guard FileManager.default.createFile(atPath: page, contents: Data(html.utf8), attributes: [.posixPermissions: 0o600]),
            FileManager.default.createFile(atPath: log, contents: nil, attributes: [.posixPermissions: 0o600]),
            let logHandle = FileHandle(forWritingAtPath: log)
        else { throw FileError(path: directory, .cannotWritePageToPrint) }
        defer { try? logHandle.close() }

        var arguments = [
            "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=\(directory)/profile", "--print-to-pdf=\(output)",
        ]
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(URL(fileURLWithPath: page).absoluteString)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = logHandle
        process.standardError = logHandle
        do {
            try process.run()
        } catch {
            throw FileError(path: executable, .cannotStartBrowser(error.localizedDescription))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            // Asked to stop, then killed; not waited for without bound (a stuck child could hold it).
            process.terminate()
            let grace = Date().addingTimeInterval(5)
            while process.isRunning && Date() < grace { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw FileError(path: executable, .printingTimedOut(seconds: String(format: "%g", timeout)))
        }
        let bytes = FileManager.default.contents(atPath: output).map { [UInt8]($0) } ?? []
        guard process.terminationStatus == 0, bytes.starts(with: Array("%PDF".utf8)) else {
            let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let tail = said.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw FileError(path: executable, .printingFailed(status: process.terminationStatus, browserSaid: tail))
        }
        return bytes
    }

    private static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return access(path, X_OK) == 0 && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
