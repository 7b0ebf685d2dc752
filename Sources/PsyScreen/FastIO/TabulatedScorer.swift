/// Scores forms by table look-up, without allocating: for bulk scoring, where ``ScoringEngine`` would build
/// arrays and strings for every one of a million forms.
///
/// The tables are generated from the engine's rules, never written beside them:
/// - every rule of a scale depends on two numbers only, the sum of the keyed answers and how many items were
///   answered (``ScoringEngine/itemScaleScore(_:method:itemCount:minimumAnswered:prorate:sum:answered:)``); a
///   derived scale depends on the scale it is based on. So each scale gets a table indexed by (answered, sum)
///   whose entries are filled by calling the engine's own functions;
/// - an item's keying (`value`, or `min + max − value` reverse-keyed) is read off ``ScoringEngine/keyedValue(_:at:)``;
/// - which answers raise which flag comes from ``Instrument/flags(raisedBy:atItem:)``, the one flag rule.
///
/// A form then costs a few additions and one look-up per scale. Equal results share an outcome id, so a writer can
/// prepare the output bytes of each outcome once.
///
/// ```swift
/// let scorer = try TabulatedScorer(battery.instruments)
/// var row = scorer.makeRow()
/// scorer.score(answers, into: &row)              // answers: SheetAnswers, already checked to be options
/// scorer.outcomes[row.outcome(ofScale: 0)]       // a ScaleScore
/// ```
package final class TabulatedScorer {
    /// Flags per instrument that bulk scoring handles (writers prepare a segment per combination).
    package static let maximumFlags = 8

    package let instruments: [Instrument]
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

    /// Plain values only, so that reading one in the loop retains nothing.
    private struct ScaleKey {
        var instrument: Int
        var root: Int  // the item scale whose (answered, sum) indexes this scale's table
        var itemsStart: Int  // into `scaleItems` (item scales only)
        var itemsEnd: Int
        var lowestSum: Int
        var width: Int  // possible sums
        var tableStart: Int  // into `table`
        var tableSize: Int
    }

    /// Per item slot, its keying as `sign × value + offset`.
    private struct Keying {
        var sign: Int
        var offset: Int
    }

    /// An option value that raises flags, of an item some flag watches.
    private struct Raising {
        var slot: Int
        var instrument: Int
        var value: Int
        /// Bit `i` for the instrument's flag `i`.
        var bits: UInt32
    }

    private let keying: FixedBuffer<Keying>
    private let scales: FixedBuffer<ScaleKey>
    private let scaleItems: FixedBuffer<Int>
    private let scaleDefinitions: [Scale]
    private let raising: FixedBuffer<Raising>
    private let crisisBits: [UInt32]
    /// Every scale's entries, back to back: outcome id << 2 | status rank; −1 = not computed yet.
    private let table: FixedBuffer<Int32>
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

    package init(_ instruments: [Instrument]) throws(InputError) {
        self.instruments = instruments
        var keying: [Keying] = [], itemStart: [Int] = [], scaleStart: [Int] = [], scales: [ScaleKey] = []
        var scaleItems: [Int] = [], raising: [Raising] = [], crisisBits: [UInt32] = []
        var tableSize = 0
        for (instrumentIndex, instrument) in instruments.enumerated() {
            func refuse(_ message: RecordMessage) -> InputError {
                InputError(at: SourceLocation(file: instrument.source, line: 1), message)
            }
            if instrument.flags.count > Self.maximumFlags {
                throw refuse(.tooManyFlags(instrument: instrument.id, count: instrument.flags.count, maximum: Self.maximumFlags))
            }
            let firstItem = keying.count
            itemStart.append(firstItem)
            scaleStart.append(scales.count)
            let engine = ScoringEngine(instrument)
            for position in instrument.items.indices {
                let offset = engine.keyedValue(0, at: position)
                keying.append(Keying(sign: engine.keyedValue(1, at: position) - offset, offset: offset))
                for value in engine.options(at: position) {
                    let raised = instrument.flags(raisedBy: value, atItem: position)
                    guard !raised.isEmpty else { continue }
                    raising.append(
                        Raising(
                            slot: firstItem + position, instrument: instrumentIndex, value: value,
                            bits: raised.reduce(0) { $0 | 1 << UInt32($1) }))
                }
            }
            crisisBits.append(
                instrument.flags.indices.reduce(0) { instrument.flags[$1].kind == .crisis ? $0 | 1 << UInt32($1) : $0 })
            let firstScale = scales.count
            for scale in instrument.scales {
                var key = ScaleKey(
                    instrument: instrumentIndex, root: scales.count, itemsStart: 0, itemsEnd: 0, lowestSum: 0, width: 1,
                    tableStart: tableSize, tableSize: 0)
                switch scale.definition {
                case .items(_, let itemIDs, _, _):
                    key.itemsStart = scaleItems.count
                    var highest = 0
                    for id in itemIDs {
                        guard let position = engine.position(ofItem: id) else { continue }
                        scaleItems.append(firstItem + position)
                        // Any subset of the items may be answered: the keyed sum lies between these.
                        let keyed = engine.options(at: position).map { engine.keyedValue($0, at: position) }
                        key.lowestSum += min(keyed.min() ?? 0, 0)
                        highest += max(keyed.max() ?? 0, 0)
                    }
                    key.itemsEnd = scaleItems.count
                    key.width = highest - key.lowestSum + 1
                    key.tableSize = (key.itemsEnd - key.itemsStart + 1) * key.width
                case .derived(let of, _, _):
                    let base = instrument.scales.firstIndex { $0.id == of } ?? 0
                    key.root = scales[firstScale + base].root
                    key.tableSize = scales[key.root].tableSize
                }
                if key.tableSize > Self.maximumTableSize {
                    throw refuse(.tooManySums(instrument: instrument.id, scale: scale.id))
                }
                tableSize += key.tableSize
                scales.append(key)
            }
        }
        itemStart.append(keying.count)
        scaleStart.append(scales.count)
        self.itemStart = itemStart
        self.scaleStart = scaleStart
        self.keying = FixedBuffer(keying)
        self.scales = FixedBuffer(scales)
        self.scaleItems = FixedBuffer(scaleItems)
        self.raising = FixedBuffer(raising)
        self.crisisBits = crisisBits
        itemCount = keying.count
        scaleCount = scales.count
        scaleDefinitions = instruments.flatMap(\.scales)
        table = FixedBuffer(repeating: -1, count: tableSize)
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
            for index in 0..<scales[slot].tableSize where table[scales[slot].tableStart + index] < 0 {
                let answered = index / width
                let sum = index % width + scales[root].lowestSum
                // No answers means a sum of 0; and with no answers required the rule divides by zero, so that case is
                // left for the engine's own behaviour, met only if it happens.
                if answered == 0 && (sum != 0 || minimumAnswered == 0) { continue }
                table[scales[slot].tableStart + index] = entry(slot, index: index)
            }
        }
    }

    /// A buffer for ``score(_:into:)``.
    package func makeRow() -> ScoredRow { ScoredRow(scales: scaleCount, instruments: instruments.count) }

    /// Scores one form. `answers` must hold ``itemCount`` values already checked to be options of their items.
    package func score(_ answers: SheetAnswers, into row: ScoredRow) {
        precondition(answers.count == itemCount && row.scaleCount == scaleCount, "a row and answers of this scorer")
        // Every index below comes from tables built in `init` to fit these buffers (checked there and above), so
        // the loop reads them unchecked: this runs for every form of a million.
        let instrumentCount = instruments.count, scaleCount = self.scaleCount
        let values = answers.values.elements, storage = row.storage.elements
        let keying = self.keying.elements, scales = self.scales.elements, scaleItems = self.scaleItems.elements
        let statuses = scaleCount &* 2, masks = statuses &+ instrumentCount
        for instrument in 0..<instrumentCount {
            storage[statuses &+ instrument] = 0
            storage[masks &+ instrument] = 0
        }
        for slot in 0..<scaleCount {
            let key = scales[slot]
            if key.root == slot {
                var sum = 0
                var answered = 0
                for index in key.itemsStart..<key.itemsEnd {
                    let item = scaleItems[index]
                    let value = values[item]
                    guard value != SheetAnswers.missing else { continue }
                    sum &+= keying[item].sign &* value &+ keying[item].offset
                    answered &+= 1
                }
                storage[scaleCount &+ slot] = Int32(truncatingIfNeeded: answered &* key.width &+ (sum &- key.lowestSum))
            }
            let index = Int(storage[scaleCount &+ key.root])
            var entry = table[key.tableStart &+ index]
            if entry < 0 { entry = fill(slot, index: index) }
            storage[slot] = entry >> 2
            storage[statuses &+ key.instrument] = max(storage[statuses &+ key.instrument], entry & 3)
        }
        let raising = self.raising.elements
        for index in 0..<self.raising.count where values[raising[index].slot] == raising[index].value {
            storage[masks &+ raising[index].instrument] |= Int32(bitPattern: raising[index].bits)
        }
        var flags: Int32 = 0, unscored: Int32 = 0
        for instrument in 0..<instrumentCount {
            flags &+= Int32(storage[masks &+ instrument].nonzeroBitCount)
            if storage[statuses &+ instrument] == 2 { unscored = 1 }
        }
        storage[masks &+ instrumentCount] = flags
        storage[masks &+ instrumentCount &+ 1] = unscored
    }

    /// Whether any of the instrument's raised flags in `row` is a crisis flag.
    package func raisesCrisis(_ row: ScoredRow, instrument: Int) -> Bool {
        row.flagMask(instrument) & crisisBits[instrument] != 0
    }

    /// Computes and stores the table entry of scale `slot` at `index` (met when a form needs an entry of a large
    /// table for the first time).
    private func fill(_ slot: Int, index: Int) -> Int32 {
        let value = entry(slot, index: index)
        table[scales[slot].tableStart + index] = value
        return value
    }

    /// The entry of scale `slot` at `index`, with the engine's rules: its outcome id (new ones are recorded) and
    /// status rank.
    private func entry(_ slot: Int, index: Int) -> Int32 {
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
        let rank: Int32 =
            switch result.status {
            case .complete: 0
            case .prorated: 1
            case .unscored: 2
            }
        return id << 2 | rank
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
            let base = scaleStart[key.instrument] + (instruments[key.instrument].scales.firstIndex { $0.id == of } ?? 0)
            return ScoringEngine.derivedScaleScore(
                scale, multiply: multiply, add: add, source: scaleScore(base, index: index))
        }
    }
}
