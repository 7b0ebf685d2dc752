/// The score columns every output shares (`score`, `results`): for each instrument and scale
/// `{instrument}.{scale}` and `{instrument}.{scale}.band`, then `{instrument}.flags` and `{instrument}.status`.
/// The annual battery gives `phq9.total, phq9.total.band, gad7.total, gad7.total.band, phq9.flags, phq9.status,
/// gad7.flags, gad7.status`.
package struct ResultColumns: Sendable {
    package let instruments: [Instrument]

    package init(_ instruments: [Instrument]) { self.instruments = instruments }

    /// Column names, in output order.
    package var names: [String] {
        var names: [String] = []
        for instrument in instruments {
            for scale in instrument.scales {
                names.append("\(instrument.id).\(scale.id)")
                names.append("\(instrument.id).\(scale.id).band")
            }
        }
        for instrument in instruments {
            names.append("\(instrument.id).flags")
            names.append("\(instrument.id).status")
        }
        return names
    }

    /// The cells for `results` (one per instrument, in the same order), matching ``names`` one for one. A scale
    /// without a score (unscored, or no result at all: a refused or abandoned attempt) gives empty cells.
    package func cells(_ results: [InstrumentResult]) -> [String] {
        var cells: [String] = []
        appendCells(results, to: &cells)
        return cells
    }

    /// ``cells(_:)`` appended to `cells`.
    package func appendCells(_ results: [InstrumentResult], to cells: inout [String]) {
        for (index, result) in zip(instruments.indices, results) {
            for scale in instruments[index].scales {
                let score = result.scales.first { $0.scaleID == scale.id }
                cells.append(score?.score.map { ScoreFormat.string($0, decimals: scale.decimals) } ?? "")
                cells.append(score?.bandID ?? "")
            }
        }
        for result in results {
            cells.append(result.flags.count == 1 ? result.flags[0] : result.flags.joined(separator: ";"))
            cells.append(result.status.rawValue)
        }
    }

    /// One item column of paper results: which item it holds and its header name.
    package struct ItemColumn: Hashable, Sendable {
        /// Index into ``ResultColumns/instruments``.
        package var instrumentIndex: Int
        /// Index into that instrument's items.
        package var itemIndex: Int
        /// `{instrument}_{item}` (`phq9_9`).
        package var name: String
    }

    /// The item columns of paper results, in the order the template writes them (instrument order, then item
    /// order). The printed paper form follows the same order, so keying a form is reading it top to bottom.
    package var itemColumns: [ItemColumn] {
        instruments.enumerated().flatMap { instrumentIndex, instrument in
            instrument.items.enumerated().map { itemIndex, item in
                ItemColumn(
                    instrumentIndex: instrumentIndex, itemIndex: itemIndex, name: Self.itemColumnName(instrument, item))
            }
        }
    }

    /// `{instrument}_{item}` item columns, the input format of paper results.
    package var itemColumnNames: [String] { itemColumns.map(\.name) }

    /// The column that holds `item` of `instrument` in paper results.
    package static func itemColumnName(_ instrument: Instrument, _ item: Item) -> String { "\(instrument.id)_\(item.id)" }

    /// The columns before the items in the data-entry template: who filled the form.
    package static let templateIdentityColumns = ["student_id", "name", "class"]

    /// The header of the data-entry template (`psyscreen template`): identity columns, then the item columns.
    package var templateHeader: [String] { Self.templateIdentityColumns + itemColumnNames }
}
