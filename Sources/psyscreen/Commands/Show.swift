import ArgumentParser
import PsyScreen

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an instrument or battery as a counselor reads it: items, options, scales, bands, flags.")

    @OptionGroup var instruments: InstrumentOptions

    @Argument(help: "An instrument or battery id, or an instrument file.")
    var instrument: String

    @Option(help: "zh-Hans or en.")
    var lang: String = "zh-Hans"

    func run() throws {
        let catalog = try instruments.catalog()
        if let battery = catalog.battery(instrument) {
            try StandardOutput.write(InstrumentSheet.render(battery, language: lang))
        } else {
            try StandardOutput.write(InstrumentSheet.render(try catalog.resolveInstrument(instrument), language: lang))
        }
    }
}
