/// The items of a battery in the order a student answers them, each with what the terminal needs to show it.
package struct BatteryItems: Sendable {
    /// One item at its place in the sitting.
    package struct Entry: Hashable, Sendable {
        /// 0-based over the whole battery (`[position + 1/count]` on screen).
        package var position: Int
        package var instrument: Instrument
        package var item: Item
        package var responses: ResponseSet
        /// Whether this is the instrument's first item (its instructions come before it).
        package var isFirstOfInstrument: Bool

        /// `phq9/9`, the key ``ScreeningStore.answeredItems`` uses.
        package var key: String { "\(instrument.id)/\(item.id)" }
    }

    package let entries: [Entry]

    package init(_ battery: Battery) {
        var entries: [Entry] = []
        for instrument in battery.instruments {
            for (index, item) in instrument.items.enumerated() {
                entries.append(
                    Entry(
                        position: entries.count, instrument: instrument, item: item,
                        responses: instrument.responses(for: item), isFirstOfInstrument: index == 0))
            }
        }
        self.entries = entries
    }

    package var count: Int { entries.count }

    package subscript(position: Int) -> Entry { entries[position] }
}
