/// What ``TabulatedScorer`` gives for one form: per scale an outcome id, per instrument the raised flags and the
/// worst status. One buffer reused from form to form.
package final class ScoredRow {
    package let scaleCount: Int
    package let instrumentCount: Int
    /// Outcome ids per scale, table indices per scale, status ranks per instrument, flag masks per instrument,
    /// then the number of flags raised and whether some instrument is unscored.
    let storage: FixedBuffer<Int32>

    init(scales: Int, instruments: Int) {
        scaleCount = scales
        instrumentCount = instruments
        storage = FixedBuffer(repeating: 0, count: 2 * scales + 2 * instruments + 2)
    }

    /// The outcome id of scale slot `slot` (an index into ``TabulatedScorer/outcomes``).
    package func outcome(ofScale slot: Int) -> Int { Int(storage[slot]) }

    /// The worst status over the instrument's scales: 0 complete, 1 prorated, 2 unscored.
    package func statusRank(_ instrument: Int) -> Int { Int(storage[2 * scaleCount + instrument]) }

    /// Bit `i` is set when the instrument's flag `i` is raised.
    package func flagMask(_ instrument: Int) -> UInt32 {
        UInt32(bitPattern: storage[2 * scaleCount + instrumentCount + instrument])
    }

    /// Flags raised over all instruments (a form with two flags counts two).
    package var flagCount: Int { Int(storage[2 * scaleCount + 2 * instrumentCount]) }

    /// Whether some instrument could not be scored.
    package var isUnscored: Bool { storage[2 * scaleCount + 2 * instrumentCount + 1] != 0 }
}
