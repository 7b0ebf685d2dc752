import Foundation
import PsyScreenTestSupport
import XCTest

/// A school's folder for the tests of outputs and of the database file: the sample roster and paper results
/// imported into wave `w`, a copy of the instruments (so that a broken rule could never harm the repository's), a
/// pseudonym key in its own folder, an exchange file, and a copy of the paper results to use as an input.
struct SchoolFolder {
    let directory: String
    let database: String
    let key: String
    let input: String
    let exchange: String
    let instruments: String
    var cli: CLIRunner

    init() throws {
        directory = Fixtures.temporaryDirectory("school")
        database = directory + "/school.sqlite"
        key = directory + "/keys/pseudonym.key"
        input = directory + "/paper.csv"
        exchange = directory + "/school.json"
        instruments = directory + "/instruments"
        try FileManager.default.copyItem(atPath: Fixtures.instrumentsDirectory, toPath: instruments)
        try FileManager.default.copyItem(atPath: Fixtures.samplesDirectory + "/paper-results.csv", toPath: input)
        cli = CLIRunner(
            currentDirectory: directory,
            environment: ["PSYSCREEN_DB": database, "PSYSCREEN_KEY": key, "PSYSCREEN_INSTRUMENTS": instruments])
        try expect(["roster", "import", Fixtures.samplesDirectory + "/roster.csv"], status: 0)
        try expect(["import", "--wave", "w", "--battery", "annual", input], status: 1)  // the samples hold rejects
        try expect(["key", "init"], status: 0)
        try expect(["wave", "close", "w"], status: 0)  // anonymized outputs come from a closed wave
        try expect(["export", "--wave", "w", "-o", exchange], status: 0)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    @discardableResult
    func expect(
        _ arguments: [String], status: Int32, file: StaticString = #filePath, line: UInt = #line
    ) throws -> CLIRunner.Output {
        let output = try cli.run(arguments)
        XCTAssertEqual(output.status, status, "\(arguments): \(output.stderr)", file: file, line: line)
        return output
    }

    /// The bytes of every file the outputs must never replace, to compare after a run.
    func protectedContents() -> [String: Data] {
        var contents: [String: Data] = [:]
        for path in [database, key, input, exchange, instruments + "/phq9.xml", instruments + "/psyscreen.xsd"] {
            contents[path] = FileManager.default.contents(atPath: path)
        }
        return contents
    }

    func mode(_ path: String) -> mode_t? { fileMode(path) }
    func type(_ path: String) -> mode_t? { fileType(path) }
}

/// The permission bits of `path`.
func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}

/// The file type bits of `path` itself (a link is a link).
func fileType(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT
}
