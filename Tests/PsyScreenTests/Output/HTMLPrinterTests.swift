import Foundation
import PsyScreen
import XCTest

/// Finding a browser and driving it, with stand-in browsers (shell scripts) so that it runs everywhere; the real
/// Chromium is exercised by the end-to-end printing test.
final class HTMLPrinterTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch = nil }

    func script(_ name: String, _ body: String) throws -> String {
        let path = try scratch.file(name, Array("#!/bin/sh\n\(body)\n".utf8))
        chmod(path, 0o755)
        return path
    }

    func testTheBrowserComesFromTheVariableElseFromPath() throws {
        let browser = try script("chromium-browser", "exit 0")
        _ = try scratch.file("chromium", Array("not executable".utf8))
        XCTAssertEqual(HTMLPrinter.locate(environment: ["PATH": "/nonexistent:\(scratch.path)"])?.executable, browser)
        XCTAssertEqual(
            HTMLPrinter.locate(environment: ["PATH": "/nonexistent", "PSYSCREEN_CHROMIUM": browser])?.executable, browser)
        XCTAssertNil(HTMLPrinter.locate(environment: ["PATH": scratch.path, "PSYSCREEN_CHROMIUM": scratch.path + "/chromium"]))
        XCTAssertNil(HTMLPrinter.locate(environment: ["PATH": "/nonexistent"]))
    }

    func testThePageIsPrintedFromAPrivateFolderThatIsRemovedAfterwards() throws {
        let log = scratch.path + "/arguments"
        let browser = try script(
            "browser",
            """
            for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) page="${a#file://}";; esac; done
            printf '%s\\n' "$@" > '\(log)'
            stat -c '%a' "$(dirname "$page")" >> '\(log)'
            cat "$page" >> '\(log)'
            printf '%%PDF-1.4 printed' > "$out"
            """)
        let bytes = try HTMLPrinter(executable: browser).pdf(of: "<p>高梓</p>")
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "%PDF-1.4 printed")
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.prefix(3), ["--headless", "--disable-gpu", "--no-pdf-header-footer"])
        XCTAssertEqual(lines.suffix(2), ["700", "<p>高梓</p>"])
        let page = try XCTUnwrap(lines.first { $0.hasPrefix("file://") }).dropFirst("file://".count)
        XCTAssertTrue(page.hasSuffix("/form.html"))
        XCTAssertTrue(lines.contains("--user-data-dir=\((page as NSString).deletingLastPathComponent)/profile"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: (String(page) as NSString).deletingLastPathComponent))
    }

    func testAFailingBrowserIsReportedWithWhatItSaid() throws {
        let browser = try script("browser", "echo 'first line' >&2\necho 'cannot open display' >&2\nexit 3")
        XCTAssertThrowsError(try HTMLPrinter(executable: browser).pdf(of: "<p></p>")) { error in
            XCTAssertEqual(
                (error as? FileError)?.description,
                "\(browser): printing to PDF failed (exit status 3): first line | cannot open display")
        }
        let silent = try script("silent", "exit 0")
        XCTAssertThrowsError(try HTMLPrinter(executable: silent).pdf(of: "<p></p>")) { error in
            XCTAssertEqual((error as? FileError)?.description, "\(silent): printing to PDF failed (exit status 0)")
        }
    }

    func testABrowserThatHangsIsStopped() throws {
        let browser = try script("browser", "exec sleep 30")
        XCTAssertThrowsError(try HTMLPrinter(executable: browser).pdf(of: "<p></p>", timeout: 0.3)) { error in
            XCTAssertEqual((error as? FileError)?.description, "\(browser): did not finish printing within 0.3 seconds")
        }
    }
}
