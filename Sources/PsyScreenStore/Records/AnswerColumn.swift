/// The answers field of an attempt's results (``ResultColumn``): an instrument's answers in item order, as text
/// (`0,1,,3`: a blank for a missing or skipped item). A copy of the `answer` rows kept in the same transaction,
/// so that a cohort report reads one short value per instrument instead of one row per item (a district's
/// million sittings are 16 million answer rows).
package enum AnswerColumn {
    /// The values of `text`, in item order (nil for a blank).
    package static func values(_ text: String) -> [Int?] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
    }

    package static func text(_ values: [Int?]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 2)
        append(values, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the column's text for `values` to `bytes`: bytes, not a String per value (an import writes one of
    /// these per instrument of every sheet).
    package static func append(_ values: [Int?], to bytes: inout [UInt8]) {
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let value else { continue }
            if value >= 0 && value < 10 {
                bytes.append(UInt8(ascii: "0") + UInt8(value))
            } else {
                bytes += String(value).utf8
            }
        }
    }
}
