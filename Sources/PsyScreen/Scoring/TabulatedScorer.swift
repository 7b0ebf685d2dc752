/// Scores forms by table look-up, without allocating: for bulk scoring, where ``ScoringEngine`` would build
/// arrays and strings for every one of a million forms.
///
/// Every rule of a scale depends on two numbers only: the sum of the keyed answers and how many items were
/// answered (see ``ScoringEngine/itemScaleScore(_:method:itemCount:minimumAnswered:prorate:sum:answered:)``);
/// a derived scale depends on the scale it is based on. So each scale gets a table indexed by (answered, sum)
/// whose entries are filled on first use by calling the engine's own functions: the results are the engine's by
/// construction, and a form costs a few additions and one look-up per scale. Equal results share an outcome id,
/// so a writer can prepare the output bytes of each outcome once.
///
/// ```swift
/// let scorer = try TabulatedScorer(battery.instruments)
/// // answers: scorer.itemCount slots, instrument by instrument in item order, TabulatedScorer.missing if blank
/// scorer.score(answers, into: &row)
/// scorer.outcomes[row.outcome(ofScale: 0)]      // a ScaleScore
/// ```
package final class TabulatedScorer {
    /// The value of a missing answer in the answers buffer.
    package static let missing = Int32.min
    /// Flags per instrument that bulk scoring handles (writers prepare a segment per combination).
    package static let maximumFlags = 8

    package let instruments: [Instrument]
    private let instrumentCount: Int
    /// Answer slots: the items of every instrument, in instrument order then item order.
    package let itemCount: Int
    /// Scales over all instruments, in instrument order then scale order.
    package let scaleCount: Int
    /// First scale slot of each instrument (plus the end), and first item slot of each instrument.
    package let scaleStart: [Int]
    package let itemStart: [Int]
    /// Every distinct result met so far, by outcome id, and the scale slot it belongs to.
    package private(set) var outcomes: [ScaleScore] = []
    package private(set) var outcomeScale: [Int] = []

    private struct ItemKey {
        var reverseSum: Int32  // minimum + maximum for reverse-keyed items, else 0
        var reversed: Bool
    }

    /// Plain values only, so that reading one in the loop retains nothing.
    private struct ScaleKey {
        var instrument: Int
        var root: Int  // the item scale whose (answered, sum) indexes this scale's table
        var itemsStart: Int  // into `scaleItems` (item scales only)
        var itemsEnd: Int
        /// `scaleItems[itemsStart..<itemsEnd]` are consecutive slots in order.
        var contiguous: Bool
        var lowestSum: Int
        var width: Int  // possible sums
        var table: UnsafeMutablePointer<Int32>  // outcome id << 2 | status rank; -1 = not computed yet
        var tableSize: Int
    }

    private let items: UnsafeMutablePointer<ItemKey>
    /// Per item, its keying as `sign × value + offset` (reverse-keyed: `-value + minimum + maximum`).
    private let itemSign: UnsafeMutablePointer<Int32>
    private let itemOffset: UnsafeMutablePointer<Int32>
    /// Per scale slot, the fields the loop needs, side by side.
    private let scaleRoot: UnsafeMutablePointer<Int>
    private let scaleInstrument: UnsafeMutablePointer<Int>
    private let scaleTable: UnsafeMutablePointer<UnsafeMutablePointer<Int32>>
    private let scaleItems: UnsafeMutablePointer<Int32>
    private let scales: UnsafeMutablePointer<ScaleKey>
    private let scaleDefinitions: [Scale]
    /// Every flag of every instrument: its items are `flagItems[start..<end]`.
    private struct FlagKey {
        var instrument: Int
        var bit: UInt32
        var start: Int
        var end: Int
        var minimum: Int32
        var maximum: Int32
    }

    private let flags: UnsafeMutablePointer<FlagKey>
    private let flagCount: Int
    private let flagItems: UnsafeMutablePointer<Int32>
    private var outcomeIDs: [OutcomeKey: Int32] = [:]

    private struct OutcomeKey: Hashable {
        var scale: Int
        var score: Double?
        var band: String?
        var status: ScoringStatus
    }

    /// The largest table per scale (entries), so that an instrument with very wide answer ranges cannot take
    /// unbounded memory.
    static let maximumTableSize = 1 << 22

    /// What one form gives: per scale an outcome id, per instrument the raised flags and the status.
    package struct Row {
        /// Outcome id per scale slot (index into ``TabulatedScorer/outcomes``).
        package var outcomes: UnsafeMutablePointer<Int32>
        /// Per instrument: bit `i` is set when the instrument's flag `i` is raised.
        package var flagMasks: UnsafeMutablePointer<UInt32>
        /// Per instrument: the worst status over its scales (0 complete, 1 prorated, 2 unscored).
        package var statuses: UnsafeMutablePointer<UInt8>
        /// Per item scale: the table index computed for the form.
        var indices: UnsafeMutablePointer<Int>

        package func outcome(ofScale slot: Int) -> Int { Int(outcomes[slot]) }
    }

    package init(_ instruments: [Instrument]) throws(InputError) {
        self.instruments = instruments
        instrumentCount = instruments.count
        var itemKeys: [ItemKey] = []
        var itemStart: [Int] = []
        var scaleStart: [Int] = []
        var scaleKeys: [ScaleKey] = []
        var scaleItemList: [Int32] = []
        var flagKeys: [FlagKey] = []
        var flagItemList: [Int32] = []
        for (instrumentIndex, instrument) in instruments.enumerated() {
            if instrument.flags.count > Self.maximumFlags {
                throw InputError(
                    at: SourceLocation(file: instrument.source, line: 1),
                    "\(instrument.id) has \(instrument.flags.count) flags; bulk scoring handles at most \(Self.maximumFlags)")
            }
            let firstItem = itemKeys.count
            itemStart.append(firstItem)
            scaleStart.append(scaleKeys.count)
            let engine = ScoringEngine(instrument)
            var bounds: [(low: Int, high: Int)] = []
            for item in instrument.items {
                let set = instrument.responses(for: item)
                itemKeys.append(ItemKey(reverseSum: Int32(set.minimumValue + set.maximumValue), reversed: item.isReversed))
                bounds.append((set.minimumValue, set.maximumValue))
            }
            let firstScale = scaleKeys.count
            for scale in instrument.scales {
                var root = scaleKeys.count
                var itemsStart = 0, itemsEnd = 0, lowestSum = 0, width = 1, tableSize = 0
                switch scale.definition {
                case .items(_, let itemIDs, _, _):
                    itemsStart = scaleItemList.count
                    var highest = 0
                    for id in itemIDs {
                        guard let position = engine.position(ofItem: id) else { continue }
                        scaleItemList.append(Int32(firstItem + position))
                        // Any subset of the items may be answered: the sum lies between these.
                        lowestSum += min(bounds[position].low, 0)
                        highest += max(bounds[position].high, 0)
                    }
                    itemsEnd = scaleItemList.count
                    width = highest - lowestSum + 1
                    tableSize = (itemsEnd - itemsStart + 1) * width
                case .derived(let of, _, _):
                    let base = instrument.scales.firstIndex { $0.id == of } ?? 0
                    root = scaleKeys[firstScale + base].root
                    tableSize = scaleKeys[root].tableSize
                }
                if tableSize > Self.maximumTableSize {
                    throw InputError(
                        at: SourceLocation(file: instrument.source, line: 1),
                        "\(instrument.id) scale \(scale.id): its possible sums are too many for bulk scoring")
                }
                let table = UnsafeMutablePointer<Int32>.allocate(capacity: max(tableSize, 1))
                table.initialize(repeating: -1, count: max(tableSize, 1))
                scaleKeys.append(
                    ScaleKey(
                        instrument: instrumentIndex, root: root, itemsStart: itemsStart, itemsEnd: itemsEnd,
                        contiguous: itemsEnd > itemsStart
                            && scaleItemList[itemsStart..<itemsEnd].enumerated().allSatisfy {
                                Int($0.element) == Int(scaleItemList[itemsStart]) + $0.offset
                            },
                        lowestSum: lowestSum, width: width, table: table, tableSize: tableSize))
            }
            for (bit, flag) in instrument.flags.enumerated() {
                let start = flagItemList.count
                for id in flag.itemIDs {
                    if let position = engine.position(ofItem: id) { flagItemList.append(Int32(firstItem + position)) }
                }
                flagKeys.append(
                    FlagKey(
                        instrument: instrumentIndex, bit: 1 << UInt32(bit), start: start, end: flagItemList.count,
                        minimum: Int32(clamping: flag.minimum), maximum: Int32(clamping: flag.maximum)))
            }
        }
        itemStart.append(itemKeys.count)
        scaleStart.append(scaleKeys.count)
        self.itemStart = itemStart
        self.scaleStart = scaleStart
        itemCount = itemKeys.count
        scaleCount = scaleKeys.count
        flagCount = flagKeys.count
        flags = Self.copy(flagKeys)
        items = Self.copy(itemKeys)
        scaleItems = Self.copy(scaleItemList)
        scales = Self.copy(scaleKeys)
        scaleDefinitions = instruments.flatMap(\.scales)
        itemSign = Self.copy(itemKeys.map { $0.reversed ? -1 : 1 })
        itemOffset = Self.copy(itemKeys.map { $0.reversed ? $0.reverseSum : 0 })
        scaleRoot = Self.copy(scaleKeys.map(\.root))
        scaleInstrument = Self.copy(scaleKeys.map(\.instrument))
        scaleTable = Self.copy(scaleKeys.map(\.table))
        flagItems = Self.copy(flagItemList)
        fillSmallTables()
    }

    /// Tables up to this size are filled at once, so that writers can prepare every outcome before the first
    /// record; larger ones fill as forms need them.
    static let eagerTableSize = 1 << 16

    private func fillSmallTables() {
        for slot in 0..<scaleCount where scales[slot].tableSize <= Self.eagerTableSize {
            let root = scales[slot].root
            guard case .items(_, _, let minimumAnswered, _) = scaleDefinitions[root].definition else { continue }
            let width = scales[root].width
            for index in 0..<scales[slot].tableSize where scales[slot].table[index] < 0 {
                let answered = index / width
                let sum = index % width + scales[root].lowestSum
                // No answers means a sum of 0; and with no answers required the rule divides by zero, so that case is
                // left for the engine's own behaviour, met only if it happens.
                if answered == 0 && (sum != 0 || minimumAnswered == 0) { continue }
                _ = fill(slot, index: index)
            }
        }
    }

    deinit {
        for slot in 0..<scaleCount { scales[slot].table.deallocate() }
        items.deallocate()
        scaleItems.deallocate()
        itemSign.deallocate()
        itemOffset.deallocate()
        scaleRoot.deallocate()
        scaleInstrument.deallocate()
        scaleTable.deallocate()
        scales.deallocate()
        flagItems.deallocate()
        flags.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
        let pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(array.count, 1))
        pointer.initialize(from: array, count: array.count)
        return pointer
    }

    /// Buffers for ``score(_:into:)``; free them with ``deallocate(_:)``.
    package func makeRow() -> Row {
        let row = Row(
            outcomes: .allocate(capacity: max(scaleCount, 1)), flagMasks: .allocate(capacity: max(instruments.count, 1)),
            statuses: .allocate(capacity: max(instruments.count, 1)), indices: .allocate(capacity: max(scaleCount, 1)))
        row.outcomes.initialize(repeating: 0, count: max(scaleCount, 1))
        row.flagMasks.initialize(repeating: 0, count: max(instruments.count, 1))
        row.statuses.initialize(repeating: 0, count: max(instruments.count, 1))
        row.indices.initialize(repeating: 0, count: max(scaleCount, 1))
        return row
    }

    package func deallocate(_ row: Row) {
        row.outcomes.deallocate()
        row.flagMasks.deallocate()
        row.statuses.deallocate()
        row.indices.deallocate()
    }

    /// Scores one form. `answers` holds ``itemCount`` values, already checked to be options of their items
    /// (``missing`` for a blank).
    package func score(_ answers: UnsafePointer<Int32>, into row: Row) {
        for instrument in 0..<instrumentCount { row.statuses[instrument] = 0 }
        for slot in 0..<scaleCount {
            let root = scaleRoot[slot]
            if root == slot {
                let key = scales[slot]
                var sum = 0
                var answered = 0
                if key.contiguous {  // the usual layout: the scale's items are neighbouring slots, in order
                    for item in Int(scaleItems[key.itemsStart])..<(Int(scaleItems[key.itemsStart]) &+ key.itemsEnd &- key.itemsStart) {
                        let value = answers[item]
                        guard value != Self.missing else { continue }
                        sum &+= Int(itemSign[item] &* value &+ itemOffset[item])
                        answered &+= 1
                    }
                } else {
                    for index in key.itemsStart..<key.itemsEnd {
                        let item = Int(scaleItems[index])
                        let value = answers[item]
                        guard value != Self.missing else { continue }
                        sum &+= Int(itemSign[item] &* value &+ itemOffset[item])
                        answered &+= 1
                    }
                }
                row.indices[slot] = answered &* key.width &+ (sum &- key.lowestSum)
            }
            let index = row.indices[root]
            var entry = scaleTable[slot][index]
            if entry < 0 { entry = fill(slot, index: index) }
            row.outcomes[slot] = entry >> 2
            let rank = UInt8(truncatingIfNeeded: entry & 3)
            let instrument = scaleInstrument[slot]
            if rank > row.statuses[instrument] { row.statuses[instrument] = rank }
        }
        for instrument in 0..<instrumentCount { row.flagMasks[instrument] = 0 }
        for index in 0..<flagCount {
            let flag = flags[index]
            for position in flag.start..<flag.end {
                let value = answers[Int(flagItems[position])]
                if value != Self.missing && value >= flag.minimum && value <= flag.maximum {
                    row.flagMasks[flag.instrument] |= flag.bit
                    break
                }
            }
        }
    }

    /// Computes and stores the table entry of scale `slot` at `index` with the engine's rules.
    private func fill(_ slot: Int, index: Int) -> Int32 {
        let result = scaleScore(slot, index: index)
        let key = OutcomeKey(scale: slot, score: result.score, band: result.bandID, status: result.status)
        let id: Int32
        if let known = outcomeIDs[key] {
            id = known
        } else {
            id = Int32(outcomes.count)
            outcomes.append(result)
            outcomeScale.append(slot)
            outcomeIDs[key] = id
        }
        let rank: Int32 = switch result.status {
        case .complete: 0
        case .prorated: 1
        case .unscored: 2
        }
        let entry = id << 2 | rank
        scales[slot].table[index] = entry
        return entry
    }

    private func scaleScore(_ slot: Int, index: Int) -> ScaleScore {
        let key = scales[slot]
        let scale = scaleDefinitions[slot]
        switch scale.definition {
        case .items(let method, _, let minimumAnswered, let prorate):
            return ScoringEngine.itemScaleScore(
                scale, method: method, itemCount: key.itemsEnd - key.itemsStart, minimumAnswered: minimumAnswered,
                prorate: prorate, sum: index % key.width + key.lowestSum, answered: index / key.width)
        case .derived(let of, let multiply, let add):
            let first = scaleStart[key.instrument]
            let base = first + (instruments[key.instrument].scales.firstIndex { $0.id == of } ?? 0)
            return ScoringEngine.derivedScaleScore(
                scale, multiply: multiply, add: add, source: scaleScore(base, index: index))
        }
    }
}
