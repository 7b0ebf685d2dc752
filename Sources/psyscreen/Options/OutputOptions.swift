import ArgumentParser
import Foundation
import PsyScreen

/// `table`, `csv` or `json` for the listing commands.
enum ListingFormat: String, CaseIterable, ExpressibleByArgument {
    case table
    case csv
    case json
}

/// Writes a command's output to stdout or, with `-o FILE`, atomically to a file (temporary file, then rename),
/// never over an input. Identified outputs pass `mode: 0o600`.
enum OutputFile {
    static func write(_ text: String, to path: String?, mode: mode_t = 0o644, inputs: [String] = []) throws {
        try write(to: path, mode: mode, inputs: inputs) { writer in try writer.output.write(text) }
    }

    /// Raw bytes (a PDF).
    static func write(bytes: [UInt8], to path: String?, mode: mode_t = 0o644) throws {
        try write(to: path, mode: mode) { writer in try writer.output.write(bytes) }
    }

    /// CSV records; cells in `fromInput` rows are neutralized against spreadsheet formulas.
    static func writeCSV(_ records: [[String]], to path: String?, mode: mode_t = 0o644, excel: Bool = false) throws {
        try write(to: path, mode: mode, byteOrderMark: excel) { writer in
            for (index, record) in records.enumerated() {
                // Header cells are ours; data cells may hold what a person typed into a roster or a form.
                try writer.writeRecord(record, neutralizingFormulas: index > 0)
            }
        }
    }

    private static func write(
        to path: String?, mode: mode_t, inputs: [String] = [], byteOrderMark: Bool = false, _ body: (CSVWriter) throws -> Void
    ) throws {
        let destination = path ?? "-"
        do {
            let file = try AtomicFileWriter(path: destination, mode: mode, inputs: inputs)
            let writer = CSVWriter(fileDescriptor: file.fileDescriptor, name: destination, options: .init(byteOrderMark: byteOrderMark))
            do {
                try body(writer)
                try writer.flush()
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
        } catch {
            throw failure("\(error)")
        }
    }

    /// Renders a tabulation in `format`.
    static func write(
        _ tabulation: Tabulation, format: ListingFormat, to path: String?, mode: mode_t = 0o644, json: () -> String
    ) throws {
        switch format {
        case .table: try write(tabulation.table, to: path, mode: mode)
        case .csv: try writeCSV(tabulation.records, to: path, mode: mode)
        case .json: try write(json(), to: path, mode: mode)
        }
    }
}
