import ArgumentParser
import PsyScreen
import PsyScreenStore

/// `csv` or `xlsx` for `template`.
enum TemplateFormat: String, CaseIterable, ExpressibleByArgument {
    case csv
    case xlsx
}

struct Template: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract:
            "Write the data-entry file that score and import read: a CSV header, or an Excel workbook for keying paper forms.",
        discussion: """
            The columns are student_id, name, class, then {instrument}_{item} for every item, in order. The xlsx \
            workbook freezes the header, keeps the student ID column as text (leading zeros stay), gives every item \
            column a drop-down of its option values that refuses anything else, and adds an instructions sheet \
            (--lang). With --db and --wave it is pre-filled with the enrolled students' IDs, names and classes in \
            roster order (--school, --grade, --class to choose them) and written owner-only (0600).
            """)

    @OptionGroup var instruments: InstrumentOptions
    @OptionGroup var selection: ScoringSelection

    @Option(help: "csv or xlsx (default: xlsx when the output name ends in .xlsx, else csv).")
    var format: TemplateFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write it here (default: standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Start the CSV with a byte order mark, so that Excel opens it as UTF-8.")
    var excel = false

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Pre-fill the workbook with the enrolled students of the roster in --db, for this screening wave.")
    var wave: String?

    @OptionGroup var roster: RosterSelection

    @OptionGroup var lang: LanguageOption

    var resolvedFormat: TemplateFormat { format ?? (output?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : .csv) }

    /// Refuses options that do not go together, before anything is read.
    func check() throws {
        if wave == nil && (database.path != nil || !roster.isEmpty) { throw CLIError(CommandMessage.prefilledTemplateNeedsWave) }
        if wave != nil && resolvedFormat != .xlsx { throw CLIError(CommandMessage.prefilledTemplateIsWorkbook) }
        if let wave, wave.trimmingCharacters(in: .whitespaces).isEmpty { throw CLIError(CommandMessage.waveNeedsName) }
        if excel && resolvedFormat == .xlsx { throw CLIError(CommandMessage.excelIsCSVOnly) }
    }

    /// A header alone names no one; a pre-filled workbook holds names: owner-only.
    var files: CommandFiles {
        CommandFiles(
            inputs: selection.instrumentFiles, database: database.resolvedPath, instruments: instruments.directory,
            outputs: [.init("-o", output, wave == nil ? .shareable : .ownerOnly)])
    }

    func run(in language: Language) throws {
        try check()
        let battery = try selection.resolve(try instruments.catalog(language: language))
        guard resolvedFormat == .xlsx else {
            try files.writeCSV([ResultColumns(battery.instruments).templateHeader], to: output, excel: excel)
            return
        }
        var students: [Student]?
        if let wave {
            let store = try database.openForReading()
            let found = try roster.students(in: store)
            try AuditedExport.record(
                store, .dataEntryWorkbook(wave: wave), path: output ?? "-", rows: found.count, language: language)
            students = found
        }
        let tables = DataEntryWorkbook.tables(
            battery: battery.id, selection: selection.arguments, instruments: battery.instruments, language: language,
            students: students, wave: wave)
        try files.writeWorkbook(tables, to: output)
        printError(
            CommandMessage.workbookWritten(output: output, battery: battery.id, language: language.tag, students: students?.count)
                .text(in: language))
    }
}
