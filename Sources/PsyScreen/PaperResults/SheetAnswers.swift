/// The answers of one sheet, every instrument's items in order: one buffer that ``PaperResultsReader`` fills
/// anew for every sheet (a class, so that handing it to the scorer copies nothing).
package final class SheetAnswers {
    /// How a blank is stored: no option can have this value (option values are 32-bit).
    static let missing = Int.min

    /// One value per item slot, ``missing`` for a blank.
    let values: FixedBuffer<Int>

    package init(count: Int) { values = FixedBuffer(repeating: Self.missing, count: count) }

    package var count: Int { values.count }

    /// The answer in `slot`; nil for a blank.
    package subscript(slot: Int) -> Int? {
        let value = values[slot]
        return value == Self.missing ? nil : value
    }

    /// Sets every slot from answers per instrument (item order).
    package func set(_ answers: [[Int?]]) {
        var slot = 0
        for instrument in answers {
            for answer in instrument {
                values[slot] = answer ?? Self.missing
                slot += 1
            }
        }
    }
}
