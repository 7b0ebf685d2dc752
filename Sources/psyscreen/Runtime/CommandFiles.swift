import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

/// A command that writes files. It declares once, in ``files``, what it reads and writes; the entry point checks
/// every output against that before `run()` (before any work), and outputs are opened only through ``files``.
protocol WritingCommand: LocalizedCommand {
    var files: CommandFiles { get }
}

/// What one command run reads and writes, and the one way its outputs are opened.
///
/// Besides the inputs a command names, every command protects the database (its `--db`, else the default one)
/// with its `-wal`/`-shm`, the pseudonym key and the instrument files: no `-o` may replace them.
struct CommandFiles {
    /// Who may read a new output file. Every file that can hold an ID, a name or an answer is owner-only (0600)
    /// from its first byte, under any umask; anonymized outputs (reports, coverage counts, a template) may be
    /// shared (0644 less the umask).
    enum Privacy {
        case ownerOnly
        case shareable

        var mode: mode_t { self == .ownerOnly ? 0o600 : 0o644 }
    }

    /// One output: the option that names it, the path (`-` for standard output), who may read it.
    struct Output {
        var option: String
        var path: String
        var privacy: Privacy

        init(_ option: String, _ path: String?, _ privacy: Privacy) {
            self.option = option
            self.path = path ?? "-"
            self.privacy = privacy
        }
    }

    let outputs: [Output]
    private var rule = OutputGuard()

    /// - Parameters:
    ///   - database: the command's `--db` (default: the default database, protected even when unused).
    ///   - key: the command's `--key`; `protectingKey` is false only for `key init`, whose output it is.
    init(
        inputs: [String] = [], database: String? = nil, key: String? = nil, protectingKey: Bool = true,
        instruments: String? = nil,
        outputs: [Output]
    ) {
        self.outputs = outputs
        for input in inputs { rule.protect(input, as: .input) }
        let database = database ?? StoreLocation.defaultPath()
        // A PostgreSQL database is no file an output could replace.
        if !StoreLocation.isServer(database) { rule.protectDatabase(database) }
        if protectingKey { rule.protect(KeyLocation.resolve(key), as: .pseudonymKey) }
        for file in Self.instrumentFiles(instruments) { rule.protect(file, as: .instrument) }
    }

    /// Refuses (exit 2) an output that is an input, the database, the key or another output.
    func check() throws {
        try rule.check(outputs.map { OutputGuard.Output(path: $0.path, option: $0.option) })
    }

    /// Opens a declared output (`nil` = standard output); see ``OutputFile`` for what happens to each kind of path.
    func open(_ path: String?) throws -> OutputFile {
        let path = path ?? "-"
        guard let output = outputs.first(where: { $0.path == path }) else {
            throw CLIError(CommandMessage.undeclaredOutput(path))
        }
        try check()
        return try rule.open(output.path, mode: output.privacy.mode)
    }

    /// Writes `text` to a declared output.
    func write(_ text: String, to path: String?) throws {
        try write(to: path) { writer in try writer.output.write(text) }
    }

    /// Writes raw bytes (a PDF) to a declared output.
    func write(bytes: [UInt8], to path: String?) throws {
        try write(to: path) { writer in try writer.output.write(bytes) }
    }

    /// Writes CSV records; cells of rows after the header are neutralized against spreadsheet formulas.
    func writeCSV(_ records: [[String]], to path: String?, excel: Bool = false) throws {
        try write(to: path, byteOrderMark: excel) { writer in
            for (index, record) in records.enumerated() {
                // Header cells are ours; data cells may hold what a person typed into a roster or a form.
                try writer.writeRecord(record, neutralizingFormulas: index > 0)
            }
        }
    }

    /// Renders a tabulation in `format`; `workbook` gives the sheets of `xlsx` (default: one sheet of the
    /// tabulation under its column names).
    func write(
        _ tabulation: Tabulation, format: ListingFormat, to path: String?, workbook: (() -> [SpreadsheetTable])? = nil,
        json: () -> String
    ) throws {
        switch format {
        case .table: try write(tabulation.table, to: path)
        case .csv: try writeCSV(tabulation.records, to: path)
        case .json: try write(json(), to: path)
        case .xlsx:
            try writeWorkbook(
                workbook?() ?? [ListingWorkbook.sheet(tabulation, name: "psyscreen", language: .english)],
                to: path)
        }
    }

    /// Writes sheets as an `.xlsx` workbook to a declared output; never to a terminal, where it would be noise.
    func writeWorkbook(_ tables: [SpreadsheetTable], to path: String?) throws {
        try Self.refuseBinaryOnTerminal(path)
        try write(bytes: try WorkbookWriter.xlsx(tables), to: path)
    }

    /// A workbook on standard output is fine for a pipe or a file, noise on a terminal.
    static func refuseBinaryOnTerminal(_ path: String?) throws {
        if (path ?? "-") == "-" && isatty(STDOUT_FILENO) != 0 {
            throw CLIError(CommandMessage.workbookOnTerminal)
        }
    }

    /// Opens a declared output, hands `body` a writer on it, and commits it (or discards it on an error).
    /// Nothing read from a database leaves before its integrity check has passed (``SQLiteStore/verifyOpenDatabases()``):
    /// a file is put in place only then, and standard output or a device is not written before.
    func write(to path: String?, byteOrderMark: Bool = false, _ body: (CSVWriter) throws -> Void) throws {
        let file = try open(path)
        let writer = CSVWriter(fileDescriptor: file.fileDescriptor, name: file.path, options: .init(byteOrderMark: byteOrderMark))
        do {
            if file.kind != .replacement { try SQLiteStore.verifyOpenDatabases() }
            try body(writer)
            try writer.flush()
            try SQLiteStore.verifyOpenDatabases()
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// The schema and questionnaire files of the instruments folder (none when it cannot be found).
    private static func instrumentFiles(_ explicit: String?) -> [String] {
        guard let directory = InstrumentDirectory.locate(explicit: explicit),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return [] }
        return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".xsd") }.map { directory + "/" + $0 }
    }
}

/// `table`, `csv`, `json` or `xlsx` for the listing commands.
enum ListingFormat: String, CaseIterable, ExpressibleByArgument {
    case table
    case csv
    case json
    case xlsx

    /// The format asked for, else `xlsx` for an output named `*.xlsx`, else `fallback`.
    static func resolve(_ given: ListingFormat?, output: String?, fallback: ListingFormat) -> ListingFormat {
        given ?? (output?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : fallback)
    }
}

/// `--headers keys|human` of the listing commands: who reads the CSV.
struct HeadersOption: ParsableArguments {
    enum Style: String, CaseIterable, ExpressibleByArgument {
        /// Column keys and coded values, the same in every language: for programs.
        case keys
        /// Headings and values in the chosen language: for a person opening the file.
        case human
    }

    @Option(
        help:
            "keys (column names and codes, the same in every language, for programs) or human (headings and values in the chosen language, for people)."
    )
    var headers: Style = .keys

    /// How `format` presents the listing: JSON always has keys; a table is for a person (English tables keep the
    /// keys unless --headers human); CSV has keys unless --headers human; a workbook has headings.
    func presentation(_ format: ListingFormat, in language: Language) throws -> Presentation {
        switch (format, headers) {
        case (.json, .human): throw CLIError(CommandMessage.headersNotForJSON)
        case (.json, .keys), (.csv, .keys): return .keys
        case (.table, .keys): return .table(language)
        case (.table, .human), (.csv, .human): return .human(language)
        // A workbook is for a person: headings and values in the language, whatever --headers says.
        case (.xlsx, _): return .human(language)
        }
    }
}
