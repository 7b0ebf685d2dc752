import ArgumentParser
import PsyScreen

/// `--encoding` and `--delimiter` for commands that read CSV.
struct CSVInputOptions: ParsableArguments {
    @Option(help: "auto, utf-8 or gb18030 (auto: UTF-8 unless the bytes say GB18030, as Chinese Excel writes).")
    var encoding: String = "auto"

    @Option(help: "auto, ',', ';' or tab.")
    var delimiter: String = "auto"

    /// Opens `path` (`-` = stdin); refuses an encoding or delimiter it does not know.
    func open(_ path: String) throws -> CSVReader {
        guard CSVEncoding(argument: encoding) != nil else { throw CLIError(CommandMessage.badEncoding(encoding)) }
        guard CSVDelimiter(argument: delimiter) != nil else { throw CLIError(CommandMessage.badDelimiter(delimiter)) }
        return try CSVReader(
            path: path,
            options: .init(delimiter: CSVDelimiter(argument: delimiter) ?? .auto, encoding: CSVEncoding(argument: encoding) ?? .auto))
    }
}
