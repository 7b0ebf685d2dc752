import ArgumentParser
import Foundation
import PsyScreen
import PsyScreenStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Take: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "A student takes a battery at a lab terminal, answer by answer.",
        discussion: """
            Reads one line per answer from standard input (a terminal, SSH or a pipe): student ID, y to confirm, \
            y to consent, then the number of an option per question; b back, s skip, ? help, q quit. Each answer \
            is saved before the next question; running take again resumes. See docs/terminal.md.
            """)

    @OptionGroup var instruments: InstrumentOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "The battery to give, e.g. annual.")
    var battery: String

    @Option(help: "The screening wave, e.g. 2026-autumn.")
    var wave: String

    @OptionGroup var lang: LanguageOption

    @Flag(help: "Shared screen: after each student clear the screen and ask for the next student ID.")
    var kiosk = false

    @Flag(help: "Let a student whose screening in this wave is finished take it again.")
    var retake = false

    @Option(
        name: .customLong("idle-timeout"),
        help: "Kiosk: seconds without input before a student's session is closed (answers kept).")
    var idleTimeout: Double = 300

    func run(in language: Language) throws {
        guard idleTimeout > 0 else { throw CLIError(CommandMessage.idleTimeoutPositive) }
        guard !wave.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIError(CommandMessage.waveNeedsName) }
        if kiosk && isatty(1) != 1 {
            // Through a pipe or into a file, what one student typed and saw would stay for the next to read.
            throw CLIError(CommandMessage.kioskNeedsTerminal)
        }
        let catalog = try instruments.catalog(language: language)
        let battery = try catalog.resolveBattery(self.battery)
        // A second's wait, then the student is told the answer is being saved and it is tried again until it is
        // (TerminalDriver): a busy database never ends a session, nor stops a terminal from starting.
        var opened: (any ScreeningStore)?
        var told = false
        while opened == nil {
            do {
                opened = try database.openForWriting(checkIntegrity: false, busyTimeout: 1)
            } catch let error as StoreError where error.isBusy {
                if !told { printError(CommandMessage.databaseBusyWaiting(database.resolvedPath).text(in: language)) }
                told = true
            }
        }
        guard let store = opened else { return }
        let interrupt = InterruptSignal.install(kiosk: kiosk)
        var driver = TerminalDriver(
            flow: TerminalFlow(.init(battery: battery, language: language, kiosk: kiosk, retake: retake)), store: store,
            wave: wave, screen: TerminalScreen(environment: ProcessInfo.processInfo.environment),
            reader: LineReader(interrupt: interrupt), idleTimeout: idleTimeout, inputIsTerminal: isatty(0) == 1)
        let status = driver.run()
        if status != 0 { throw ExitCode(status) }
    }
}
