import ArgumentParser
import PsyScreen

struct Instruments: LocalizedCommand {
    static let configuration = CommandConfiguration(
        commandName: "instruments", abstract: "List the shipped instruments and batteries.")

    @OptionGroup var instruments: InstrumentOptions

    @Option(help: "table or json.")
    var format: CatalogListing.Format = .table

    @OptionGroup var lang: LanguageOption

    func run(in language: Language) throws {
        try StandardOutput.write(CatalogListing(try instruments.catalog(language: language)).render(format, language: language))
    }
}

extension CatalogListing.Format: ExpressibleByArgument {}
