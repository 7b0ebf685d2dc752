import ArgumentParser
import PsyScreen

struct Show: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an instrument or battery as a counselor reads it: items, options, scales, bands, flags.")

    @OptionGroup var instruments: InstrumentOptions

    @Argument(help: "An instrument or battery id, or an instrument file.")
    var instrument: String

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        let catalog = try instruments.catalog(language: language)
        if let battery = catalog.battery(instrument) {
            try StandardOutput.write(InstrumentSheet.render(battery, language: language))
        } else {
            try StandardOutput.write(InstrumentSheet.render(try catalog.resolveInstrument(instrument), language: language))
        }
    }
}
