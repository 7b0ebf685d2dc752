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

    /// Opens `path` (`-` = standard input, always CSV); refuses an encoding or delimiter it does not know.
    func open(_ path: String) throws -> any RowSource {
        guard CSVEncoding(argument: encoding) != nil else { throw CLIError(CommandMessage.badEncoding(encoding)) }
        guard CSVDelimiter(argument: delimiter) != nil else { throw CLIError(CommandMessage.badDelimiter(delimiter)) }
        if try WorkbookDetection.isWorkbook(path: path) {
            if encoding != "auto" || delimiter != "auto" {
                throw CLIError(CommandMessage.csvOptionsOnWorkbook, file: path)
            }
            return try WorksheetSource(path: path, sheet: sheet)
        }
        if let sheet { throw CLIError(CommandMessage.sheetOnCSV(sheet), file: path) }
        return try CSVReader(
            path: path,
            options: .init(
                delimiter: CSVDelimiter(argument: delimiter) ?? .auto, encoding: CSVEncoding(argument: encoding) ?? .auto))
    }
}
