import ArgumentParser
import PsyScreen

/// `--encoding` and `--delimiter` for commands that read CSV.
struct CSVInputOptions: ParsableArguments {
    @Option(help: "auto, utf-8 or gb18030 (auto: UTF-8 unless the bytes say GB18030, as Chinese Excel writes).")
    var encoding: String = "auto"

    @Option(help: "auto, ',', ';' or tab.")
    var delimiter: String = "auto"

    func validate() throws {
        guard CSVEncoding(argument: encoding) != nil else {
            throw ValidationError("--encoding must be auto, utf-8 or gb18030, not '\(encoding)'")
        }
        guard CSVDelimiter(argument: delimiter) != nil else {
            throw ValidationError("--delimiter must be auto, ',', ';' or tab, not '\(delimiter)'")
        }
    }

    /// Opens `path` (`-` = stdin).
    func open(_ path: String) throws -> CSVReader {
        try CSVReader(
            path: path,
            options: .init(delimiter: CSVDelimiter(argument: delimiter) ?? .auto, encoding: CSVEncoding(argument: encoding) ?? .auto))
    }
}
