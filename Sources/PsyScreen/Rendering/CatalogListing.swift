import Foundation

/// The `psyscreen instruments` listing: id, version, title, items and scales of every instrument, then the
/// batteries.
package struct CatalogListing: Sendable {
    package enum Format: String, CaseIterable, Sendable {
        case table
        case json
    }

    private struct Entry: Encodable {
        var id: String
        var version: String
        var title: [String: String]
        var items: Int
        var scales: [String]
        var flags: [String]
        var languages: [String]
        var file: String
    }

    private struct BatteryEntry: Encodable {
        var id: String
        var version: String
        var title: [String: String]
        var instruments: [String]
        var items: Int
        var file: String
    }

    private struct Listing: Encodable {
        var instruments: [Entry]
        var batteries: [BatteryEntry]
    }

    private let listing: Listing

    package init(_ catalog: InstrumentCatalog) {
        func titles(_ text: LocalizedText) -> [String: String] {
            Dictionary(text.translations.map { ($0.language, $0.text) }, uniquingKeysWith: { first, _ in first })
        }
        listing = Listing(
            instruments: catalog.instruments.map {
                Entry(
                    id: $0.id, version: $0.version, title: titles($0.title), items: $0.items.count,
                    scales: $0.scales.map(\.id), flags: $0.flags.map(\.id), languages: $0.languages, file: $0.source)
            },
            batteries: catalog.batteries.map {
                BatteryEntry(
                    id: $0.id, version: $0.version, title: titles($0.title), instruments: $0.instruments.map(\.id),
                    items: $0.itemCount, file: $0.source)
            })
    }

    package func render(_ format: Format, language: Language = .english) -> String {
        func header(battery: Bool) -> [String] {
            [SheetMessage.idColumn(battery: battery), .versionColumn, .itemsColumn, .partsColumn(battery: battery), .titleColumn]
                .map { $0.text(in: language) }
        }
        func title(_ titles: [String: String]) -> String {
            titles[language.tag] ?? titles[Language.english.tag] ?? titles.values.first ?? ""
        }
        switch format {
        case .json:
            // Plain values only: encoding them cannot fail.
            return ((try? JSONValue(encoding: listing)) ?? .null).rendered()
        case .table:
            var rows = [header(battery: false)]
            for entry in listing.instruments {
                rows.append([
                    entry.id, entry.version, String(entry.items), entry.scales.joined(separator: ","), title(entry.title),
                ])
            }
            var text = TextTable.render(rows)
            if !listing.batteries.isEmpty {
                var batteryRows = [header(battery: true)]
                for entry in listing.batteries {
                    batteryRows.append([
                        entry.id, entry.version, String(entry.items), entry.instruments.joined(separator: ","),
                        title(entry.title),
                    ])
                }
                text += "\n" + TextTable.render(batteryRows)
            }
            return text
        }
    }
}
