import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

/// `html` or `pdf` for `form`.
enum PaperFormFormat: String, CaseIterable, ExpressibleByArgument {
    case html
    case pdf
}

struct Form: WritingCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Printable paper forms of a battery: one blank form, or one per enrolled student of a wave's class.",
        discussion: """
            The form is made from the same XML as the terminal flow and the CSV template: the published wording, \
            the option values a counselor keys in, items in the template's column order with the column name \
            (phq9_9) beside each. One HTML file (A4, print it from a browser), or a PDF when a Chromium-family \
            browser is installed. With --wave the forms carry each student's ID, name and class, in roster order, \
            and the file is written owner-only (0600).
            """)

    @OptionGroup var instruments: InstrumentOptions

    @Option(help: "The battery to print, e.g. annual.")
    var battery: String

    @OptionGroup var lang: LanguageOption

    @Option(help: "html or pdf (default: pdf when the output name ends in .pdf, else html).")
    var format: PaperFormFormat?

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write it here (default: standard output; needed for pdf).", valueName: "file"))
    var output: String?

    @Flag(help: "Pad every form to an even number of pages, so that each starts on a new sheet when printed on both sides.")
    var duplex = false

    @Option(name: .customLong("id-boxes"), help: "Boxes for the handwritten student ID on a blank form (4–20).")
    var idBoxes: Int = PaperFormStack.defaultIDBoxes

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Pre-fill one form per enrolled student for this screening wave (e.g. 2026-autumn), from the roster in --db.")
    var wave: String?

    @OptionGroup var roster: RosterSelection

    var resolvedFormat: PaperFormFormat { format ?? (output?.lowercased().hasSuffix(".pdf") == true ? .pdf : .html) }

    /// Refuses options that do not go together, before anything is read.
    func check() throws {
        if wave == nil && (database.path != nil || !roster.isEmpty) {
            throw CLIError(CommandMessage.prefilledFormsNeedWave)
        }
        if let wave, wave.trimmingCharacters(in: .whitespaces).isEmpty { throw CLIError(CommandMessage.waveNeedsName) }
        if resolvedFormat == .pdf && (output == nil || output == "-") { throw CLIError(CommandMessage.pdfNeedsOutput) }
        if !PaperFormStack.idBoxRange.contains(idBoxes) {
            throw CLIError(CommandMessage.idBoxes(PaperFormStack.idBoxRange.lowerBound, PaperFormStack.idBoxRange.upperBound))
        }
    }

    /// Pre-filled forms name students: owner-only; a blank form may be shared.
    var files: CommandFiles {
        CommandFiles(
            database: database.resolvedPath, instruments: instruments.directory,
            outputs: [.init("-o", output, wave == nil ? .shareable : .ownerOnly)])
    }

    func run(in language: Language) throws {
        try check()
        TemporaryFileCleanup.installSignalHandlers()
        // Before anything is read or audited: without a browser there will be no PDF.
        let printer = resolvedFormat == .pdf ? HTMLPrinter.locate() : nil
        if resolvedFormat == .pdf && printer == nil { throw CLIError(HTMLPrinter.notFound) }
        let battery = try instruments.catalog(language: language).resolveBattery(self.battery)
        let form = PaperForm(battery: battery, language: language, duplex: duplex)
        let stack: PaperFormStack
        if let wave {
            let store = try database.openForReading()
            let students = try roster.students(in: store)
            try AuditedExport.record(
                store, .paperForms(wave: wave), path: output ?? "-", rows: students.count, language: language)
            stack = .students(students, wave: wave)
        } else {
            stack = .blank(idBoxes: idBoxes)
        }
        let html = PaperFormHTML.render(form, for: stack)
        let count = if case .students(let students, _) = stack { students.count } else { 1 }
        if let printer {
            // Chromium prints about 12 pages a second here; a stuck one is stopped well after that.
            let pdf = try printer.pdf(of: html, timeout: max(120, Double(count * form.pageCount) / 2))
            try files.write(bytes: pdf, to: output)
        } else {
            try files.write(html, to: output)
        }
        printError(
            CommandMessage.formsWritten(
                output: output, forms: count, battery: battery.id, language: language.tag, pages: form.pageCount
            )
            .text(in: language))
    }
}
