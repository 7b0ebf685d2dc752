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
        abstract: "Write the data-entry file that score and import read: a CSV header, or an Excel workbook for keying paper forms.",
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

    @Option(help: "Language of the xlsx instructions sheet: zh-Hans or en.")
    var lang: SessionLanguage = .chinese

    @Flag(help: "Start the CSV with a byte order mark, so that Excel opens it as UTF-8.")
    var excel = false

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Pre-fill the workbook with the enrolled students of the roster in --db, for this screening wave.")
    var wave: String?

    @OptionGroup var roster: RosterSelection

    var resolvedFormat: TemplateFormat { format ?? (output?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : .csv) }

    func validate() throws {
        if wave == nil && (database.path != nil || !roster.isEmpty) {
            throw ValidationError("a pre-filled template needs --wave (the screening it is for)")
        }
        if wave != nil && resolvedFormat != .xlsx {
            throw ValidationError("a pre-filled template is a workbook: add --format xlsx (or name the output *.xlsx)")
        }
        if let wave, wave.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--wave needs a name, e.g. 2026-autumn")
        }
        if excel && resolvedFormat == .xlsx { throw ValidationError("--excel applies to CSV output only") }
    }

    /// A header alone names no one; a pre-filled workbook holds names: owner-only.
    var files: CommandFiles {
        CommandFiles(
            inputs: selection.instrumentFiles, database: database.resolvedPath, instruments: instruments.directory,
            outputs: [.init("-o", output, wave == nil ? .shareable : .ownerOnly)])
    }

    func run() throws {
        let battery = try selection.resolve(try instruments.catalog())
        guard resolvedFormat == .xlsx else {
            try files.writeCSV([ResultColumns(battery.instruments).templateHeader], to: output, excel: excel)
            return
        }
        var students: [Student]?
        if let wave {
            let store = try database.openForReading()
            let found = try roster.students(in: store)
            try AuditedExport.record(store, "data-entry workbook of wave \(wave)", path: output ?? "-", rows: found.count)
            students = found
        }
        let tables = DataEntryWorkbook.tables(
            battery: battery.id, selection: selection.arguments, instruments: battery.instruments, language: lang,
            students: students, wave: wave)
        try files.writeWorkbook(tables, to: output)
        let filled = students.map { ", pre-filled with \($0.count) student\($0.count == 1 ? "" : "s")" } ?? ""
        printError("\(output ?? "standard output"): data-entry workbook of battery \(battery.id) (\(lang.rawValue))\(filled)")
    }
}
