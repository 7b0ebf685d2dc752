/// Decodes the item answers of a record into ``SheetAnswers`` without allocating, and tells whether they raise
/// a crisis flag: the fast path of ``PaperResultsReader``.
///
/// Its tables are generated from the rules, not written beside them: which values an item accepts comes from
/// ``ScoringEngine/accepts(_:at:)``, which values raise a crisis flag from ``Instrument/flags(raisedBy:atItem:)``.
/// It only says yes or no: for a record it refuses, ``PaperResultsLayout/problems(_:answers:)`` words the reasons.
final class AnswerDecoder {
    /// One per item slot.
    private struct Slot {
        var column: Int
        /// Bit `v` set when value `v` (0…63) is an option.
        var options: UInt64
        /// Bit `v` set when value `v` (0…63) raises a crisis flag.
        var crisis: UInt64
        /// Some option lies outside 0…63: such values are looked up in `wideOptions` and `wideCrisis`.
        var wide: Bool
    }

    let itemCount: Int
    /// First slot of each instrument, and the end.
    let itemStart: [Int]
    private let fieldCount: Int
    private let slots: [Slot]
    private let wideOptions: [Set<Int>]
    private let wideCrisis: [Set<Int>]
    /// Slots whose answer can raise a crisis flag.
    private let crisisSlots: [Int]

    init(layout: PaperResultsLayout) {
        var slots: [Slot] = [], wideOptions: [Set<Int>] = [], wideCrisis: [Set<Int>] = [], starts: [Int] = []
        for (instrumentIndex, instrument) in layout.instruments.enumerated() {
            starts.append(slots.count)
            let engine = ScoringEngine(instrument)
            for position in instrument.items.indices {
                let options = engine.options(at: position).filter { engine.accepts($0, at: position) }
                let raising = options.filter { instrument.raisesCrisis($0, atItem: position) }
                func bits(_ values: [Int]) -> UInt64 {
                    values.reduce(0) { $1 >= 0 && $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
                }
                slots.append(
                    Slot(
                        column: layout.itemColumns[instrumentIndex][position], options: bits(options), crisis: bits(raising),
                        wide: options.contains { $0 < 0 || $0 >= 64 }))
                wideOptions.append(Set(options))
                wideCrisis.append(Set(raising))
            }
        }
        starts.append(slots.count)
        itemCount = slots.count
        itemStart = starts
        fieldCount = layout.header.count
        self.slots = slots
        self.wideOptions = wideOptions
        self.wideCrisis = wideCrisis
        crisisSlots = slots.indices.filter { !wideCrisis[$0].isEmpty }
    }

    /// Fills `answers` from `record`; `false` if the record is not a valid sheet.
    @inline(__always)
    func decode(_ record: TableRecord, into answers: SheetAnswers) -> Bool {
        guard record.count == fieldCount else { return false }
        precondition(answers.count == itemCount, "answers of this decoder")
        let values = answers.values.elements  // one slot per item: `slot` stays below `itemCount`
        let record = record.fields
        return slots.withUnsafeBufferPointer { slots in
            for slot in 0..<slots.count {
                let key = slots[slot]
                if let digit = record.singleDigit(at: key.column), key.options & (1 &<< UInt64(digit)) != 0 {
                    values[slot] = digit  // a single digit: nearly every answer
                    continue
                }
                if let value = record.integer(at: key.column) {
                    if UInt(bitPattern: value) < 64 && key.options & (1 << UInt64(value)) != 0 {
                        values[slot] = value
                    } else if key.wide && wideOptions[slot].contains(value) {
                        values[slot] = value
                    } else {
                        return false
                    }
                } else if record.isBlank(at: key.column) {
                    values[slot] = SheetAnswers.missing
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Whether `answers` raise a crisis flag.
    func raisesCrisis(_ answers: SheetAnswers) -> Bool {
        for index in crisisSlots.indices {
            let slot = crisisSlots[index]
            let value = answers.values[slot]
            guard value != SheetAnswers.missing else { continue }
            if UInt(bitPattern: value) < 64 {
                if slots[slot].crisis & (1 << UInt64(value)) != 0 { return true }
            } else if wideCrisis[slot].contains(value) {
                return true
            }
        }
        return false
    }
}
