import Foundation
import XCTest

/// The spreadsheet programs that check psyscreen's workbooks from outside: openpyxl (Python) and LibreOffice
/// headless. `.ci/run` installs both; elsewhere a test that needs one is skipped with a message saying how to get
/// it.
package enum SpreadsheetTools {
    /// Runs `python3 -c SCRIPT ARGUMENTS…` and returns its standard output; fails on a non-zero exit.
    package static func python(_ script: String, _ arguments: [String] = []) throws -> String {
        let result = try run("/usr/bin/env", ["python3", "-c", script] + arguments)
        guard result.status == 0 else {
            throw ToolFailure(description: "python3 exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// Skips the test unless python3 can import openpyxl.
    package static func requireOpenpyxl() throws {
        let result = try run("/usr/bin/env", ["python3", "-c", "import openpyxl"])
        if result.status != 0 {
            throw XCTSkip("openpyxl is not installed (pip install openpyxl; .ci/run installs it)")
        }
    }

    /// The `soffice` binary, or a skip.
    package static func requireLibreOffice() throws -> String {
        for candidate in ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw XCTSkip("LibreOffice is not installed (apt-get install libreoffice-calc; .ci/run installs it)")
    }

    /// Converts `path` with LibreOffice headless (`csv` gives one UTF-8 CSV per sheet, named `BASE-SHEET.csv`;
    /// `xlsx` re-saves the workbook as LibreOffice writes it) into `directory`, with a profile of its own so that
    /// tests running at once do not share one.
    package static func convert(_ path: String, to format: String, in directory: String) throws {
        let soffice = try requireLibreOffice()
        let profile = directory + "/lo-profile"
        let filter =
            format == "csv"
            // Comma, double quote, UTF-8, first line 1, standard columns, …, every sheet (-1).
            ? #"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"# : "xlsx:Calc MS Excel 2007 XML"
        let result = try run(
            soffice,
            [
                "-env:UserInstallation=file://\(profile)", "--headless", "--norestore", "--convert-to", filter, "--outdir",
                directory, path,
            ])
        guard result.status == 0 else {
            throw ToolFailure(description: "soffice exited \(result.status): \(result.stderr)")
        }
        try? FileManager.default.removeItem(atPath: profile)
    }

    package struct ToolFailure: Error, CustomStringConvertible {
        package var description: String
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self)
        )
    }
}
