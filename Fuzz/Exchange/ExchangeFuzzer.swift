import Foundation
import FuzzSupport
import PsyScreen

/// Mutated exchange files (`psyscreen export`) through `CohortExchange.decode`, and what `psyscreen merge` does
/// with one that is accepted: merge, build the report from what the file publishes, render it. A damaged or
/// hostile file must be refused with a `CohortExchangeError`, never crash the merge.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzExchange(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ExchangeFuzzer.run(FuzzSupport.bytes(data, size))
    return 0
}

enum ExchangeFuzzer {
    static let date = Date(timeIntervalSince1970: 1_800_000_000)

    static func run(_ bytes: [UInt8]) {
        do {
            let exchange = try CohortExchange.decode(Data(bytes), file: "fuzz.json")
            let merged = try CohortMerge.merge([("fuzz.json", exchange)], threshold: .standard, at: date)
            // As `merge` does: the files' own k, and what they hold as it is (they were audited when written).
            let report = CohortReportBuilder(threshold: try MinimumCellSize(merged.stamp.minimumCellSize))
                .report(merged.units, stamp: merged.stamp, columns: merged.columns)
            for format in CohortReportFormat.allCases { _ = try format.render(report, language: .chinese) }
        } catch {
            _ = (error as? CohortExchangeError)?.text(in: .chinese) ?? "\(error)"
        }
    }
}
