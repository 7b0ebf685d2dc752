/// Reads the item answers of a record into a flat buffer for ``TabulatedScorer``, without allocating.
///
/// It only says yes or no: for a record it refuses, ``PaperResultsLayout/parse(_:into:problems:)`` is asked for
/// the reasons, so there is one place that words them. Both accept the same values: a blank cell is a missing
/// answer; otherwise ``CSVRecord/integer(at:)`` must give one of the item's options.
final class AnswerReader {
    let itemCount: Int
    let fieldCount: Int
    /// Per answer slot: the column, and the options as a bit set when they all lie in 0..<64.
    private let columns: UnsafeMutablePointer<Int>
    private let masks: UnsafeMutablePointer<UInt64>
    /// Per answer slot: `true` when `masks` cannot hold the options (`engines` decides instead).
    private let wide: UnsafeMutablePointer<Bool>
    private let engines: [ScoringEngine]
    private let slotInstrument: [Int]
    private let slotItem: [Int]

    init(layout: PaperResultsLayout) {
        engines = layout.instruments.map(ScoringEngine.init)
        var columnList: [Int] = []
        var maskList: [UInt64] = []
        var wideList: [Bool] = []
        var slotInstrument: [Int] = []
        var slotItem: [Int] = []
        for (instrumentIndex, instrument) in layout.instruments.enumerated() {
            for (itemIndex, item) in instrument.items.enumerated() {
                columnList.append(layout.itemColumns[instrumentIndex][itemIndex])
                let values = instrument.responses(for: item).values
                let fits = values.allSatisfy { $0 >= 0 && $0 < 64 }
                maskList.append(fits ? values.reduce(0) { $0 | (1 << UInt64($1)) } : 0)
                wideList.append(!fits)
                slotInstrument.append(instrumentIndex)
                slotItem.append(itemIndex)
            }
        }
        itemCount = columnList.count
        fieldCount = layout.header.count
        columns = .allocate(capacity: max(itemCount, 1))
        columns.initialize(from: columnList, count: itemCount)
        masks = .allocate(capacity: max(itemCount, 1))
        masks.initialize(from: maskList, count: itemCount)
        wide = .allocate(capacity: max(itemCount, 1))
        wide.initialize(from: wideList, count: itemCount)
        self.slotInstrument = slotInstrument
        self.slotItem = slotItem
    }

    deinit {
        columns.deallocate()
        masks.deallocate()
        wide.deallocate()
    }

    /// Fills `answers` (``itemCount`` slots) from `record`; `false` if the record must be rejected.
    @inline(__always)
    func read(_ record: CSVRecord, into answers: UnsafeMutablePointer<Int32>) -> Bool {
        guard record.count == fieldCount else { return false }
        // Every column exists (the count matched): the spans are read directly, without per-field checks.
        let spans = record.spans, base = record.base
        for slot in 0..<itemCount {
            let column = columns[slot]
            let start = spans[2 &* column]
            if spans[2 &* column &+ 1] &- start == 1 {  // a single digit, nearly every answer
                let digit = base[start] &- 0x30
                if digit < 10 && masks[slot] & (1 &<< UInt64(digit)) != 0 {
                    answers[slot] = Int32(digit)
                    continue
                }
            }
            if let value = record.integer(at: column) {
                if UInt(bitPattern: value) < 64 && masks[slot] & (1 << UInt64(value)) != 0 {
                    answers[slot] = Int32(truncatingIfNeeded: value)
                } else if wide[slot] && acceptsWide(value, slot: slot) {
                    answers[slot] = Int32(truncatingIfNeeded: value)
                } else {
                    return false
                }
            } else if record.isBlank(at: column) {
                answers[slot] = TabulatedScorer.missing
            } else {
                return false
            }
        }
        return true
    }

    private func acceptsWide(_ value: Int, slot: Int) -> Bool {
        value >= Int(Int32.min) + 1 && value <= Int(Int32.max)
            && engines[slotInstrument[slot]].accepts(value, at: slotItem[slot])
    }
}
