/// The items of a battery in the order a student answers them, each with what the terminal needs to show it.
public struct BatteryItems: Sendable {
    /// One item at its place in the sitting.
    public struct Entry: Hashable, Sendable {
        /// 0-based over the whole battery (`[position + 1/count]` on screen).
        public var position: Int
        public var instrument: Instrument
        public var item: Item
        public var responses: ResponseSet
        /// Whether this is the instrument's first item (its instructions come before it).
        public var isFirstOfInstrument: Bool

        /// `phq9/9`, the key ``ScreeningStore.answeredItems`` uses.
        public var key: String { "\(instrument.id)/\(item.id)" }
    }

    public let entries: [Entry]

    public init(_ battery: Battery) {
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

    public var count: Int { entries.count }

    public subscript(position: Int) -> Entry { entries[position] }
}
