import ArgumentParser
import PsyScreen

struct Instruments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instruments", abstract: "List the shipped instruments and batteries.")

    @OptionGroup var instruments: InstrumentOptions

    @Option(help: "table or json.")
    var format: CatalogListing.Format = .table

    func run() throws {
        try StandardOutput.write(CatalogListing(try instruments.catalog()).render(format))
    }
}

extension CatalogListing.Format: ExpressibleByArgument {}
