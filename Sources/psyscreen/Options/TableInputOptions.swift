import ArgumentParser
import PsyScreen

/// How `score`, `import` and `roster import` open their input: a workbook (`.xlsx`, recognised by its content,
/// not its name) through ``WorksheetSource``, anything else as CSV; `--sheet` for the one, `--encoding` and
/// `--delimiter` for the other.
struct TableInputOptions: ParsableArguments {
    @Option(help: "Workbooks: the sheet to read (default: the first visible one).")
    var sheet: String?

    @Option(help: "CSV: auto, utf-8 or gb18030 (auto: UTF-8 unless the bytes say GB18030, as Chinese Excel writes).")
    var encoding: String = "auto"

    @Option(help: "CSV: auto, ',', ';' or tab.")
    var delimiter: String = "auto"

    func validate() throws {
        guard CSVEncoding(argument: encoding) != nil else {
            throw ValidationError("--encoding must be auto, utf-8 or gb18030, not '\(encoding)'")
        }
        guard CSVDelimiter(argument: delimiter) != nil else {
            throw ValidationError("--delimiter must be auto, ',', ';' or tab, not '\(delimiter)'")
        }
    }

    /// Opens `path` (`-` = standard input, always CSV).
    func open(_ path: String) throws -> any RowSource {
        if try WorkbookDetection.isWorkbook(path: path) {
            if encoding != "auto" || delimiter != "auto" {
                throw CLIError("--encoding and --delimiter are for CSV files; this is an Excel workbook", file: path)
            }
            return try WorksheetSource(path: path, sheet: sheet)
        }
        if let sheet { throw CLIError("--sheet \(sheet) is for Excel workbooks; this file is read as CSV", file: path) }
        return try CSVReader(
            path: path,
            options: .init(delimiter: CSVDelimiter(argument: delimiter) ?? .auto, encoding: CSVEncoding(argument: encoding) ?? .auto))
    }
}
