import PsyScreen

/// The `scales` column of `instrument_result`: an instrument's scale scores of one attempt, in the instrument's
/// scale order, as one text. Each scale is `id,score,band,answered,item count,status` and scales are joined by
/// `;`, e.g. `total,12,moderate,9,9,complete;somatic,,,2,4,unscored`: a blank score or band is none; a score is
/// written as an integer when it is whole, else as Swift's shortest exact decimal. `%`, `,` and `;` in an id are
/// written `%25`, `%2C`, `%3B`.
///
/// Kept in the result's own row rather than a row per scale (the `scale_score` table before migration v5): a
/// sheet's scores are written with its results and read with them, with no more rows, index searches or
/// foreign-key checks. The one encoder and decoder, for both stores (and for PostgreSQL's migration, which writes
/// the same text in SQL: ``PostgresTables``).
package enum ScaleColumn {
    /// The column's text for `scales`.
    package static func text(_ scales: [ScaleScore]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scales.count * 32)
        append(scales, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the column's text for `scales` to `bytes` (a bulk write binds it from there, without a String).
    package static func append(_ scales: [ScaleScore], to bytes: inout [UInt8]) {
        for (index, scale) in scales.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ";")) }
            appendEscaped(scale.scaleID, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            if let score = scale.score { appendNumber(score, to: &bytes) }
            bytes.append(UInt8(ascii: ","))
            if let band = scale.bandID { appendEscaped(band, to: &bytes) }
            bytes.append(UInt8(ascii: ","))
            appendInteger(scale.answered, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            appendInteger(scale.itemCount, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            bytes += scale.status.rawValue.utf8
        }
    }

    /// The scale scores of `text`; a text that is not one of the column's fails the read (``StoredValue``).
    package static func scales(_ text: String) throws(StoredValue) -> [ScaleScore] {
        var decoder = Decoder()
        return try decoder.scales(text)
    }

    /// `text` as it is written in the column (an id or band id compares with the column's bytes in this form).
    package static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return bytes
    }

    /// One scale of the column, its fields as they are written (ids escaped), pointing into the column's bytes.
    package struct Entry {
        package var id: UnsafeBufferPointer<UInt8>
        package var score: Double?
        package var band: UnsafeBufferPointer<UInt8>?
        package var answered: Int
        package var itemCount: Int
        package var status: UnsafeBufferPointer<UInt8>
    }

    /// Calls `body` with every scale of `bytes`, in order, without allocating; a text that is not one of the
    /// column's fails the read (``StoredValue``).
    package static func forEachEntry(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (Entry) throws(StoredValue) -> Void
    ) throws(StoredValue) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        func slice(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base + from, count: to - from)
        }
        // Where each of an entry's six fields starts; the end of field n is the start of field n + 1, less 1.
        var starts = (0, 0, 0, 0, 0, 0, 0)
        var field = 0
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : UInt8(ascii: ";")
            guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") else { continue }
            field += 1
            switch field {
            case 1: starts.1 = index + 1
            case 2: starts.2 = index + 1
            case 3: starts.3 = index + 1
            case 4: starts.4 = index + 1
            case 5: starts.5 = index + 1
            case 6: starts.6 = index + 1
            default: throw malformed(bytes)
            }
            guard byte == UInt8(ascii: ";") else { continue }
            guard field == 6, let answered = integer(slice(starts.3, starts.4 - 1)),
                let items = integer(slice(starts.4, starts.5 - 1))
            else { throw malformed(bytes) }
            var score: Double?
            if starts.2 - 1 > starts.1 {
                guard let value = number(slice(starts.1, starts.2 - 1)) else { throw malformed(bytes) }
                score = value
            }
            try body(
                Entry(
                    id: slice(starts.0, starts.1 - 1), score: score,
                    band: starts.3 - 1 > starts.2 ? slice(starts.2, starts.3 - 1) : nil, answered: answered, itemCount: items,
                    status: slice(starts.5, starts.6 - 1)))
            starts.0 = index + 1
            field = 0
        }
    }

    private static func malformed(_ bytes: UnsafeBufferPointer<UInt8>) -> StoredValue {
        StoredValue(column: "instrument_result.scales", text: String(decoding: bytes, as: UTF8.self))
    }

    /// Decodes the column into ``ScaleScore`` values, keeping the Strings of ids and bands that repeat from one
    /// attempt to the next (a listing reads the same few hundred thousand times).
    package struct Decoder {
        private var known: [(bytes: [UInt8], text: String)] = []

        package init() {}

        package mutating func scales(_ text: String) throws(StoredValue) -> [ScaleScore] {
            var text = text
            let read = text.withUTF8 { bytes in Result { () throws(StoredValue) in try scales(bytes) } }
            return try read.get()
        }

        package mutating func scales(_ bytes: UnsafeBufferPointer<UInt8>) throws(StoredValue) -> [ScaleScore] {
            var scales: [ScaleScore] = []
            try ScaleColumn.forEachEntry(bytes) { entry throws(StoredValue) in
                guard let status = ScaleColumn.status(entry.status) else {
                    throw StoredValue(column: "instrument_result.scales", text: String(decoding: entry.status, as: UTF8.self))
                }
                scales.append(
                    ScaleScore(
                        scaleID: text(entry.id), score: entry.score, answered: entry.answered, itemCount: entry.itemCount,
                        status: status, bandID: entry.band.map { text($0) }))
            }
            return scales
        }

        /// The unescaped text of `bytes`, from the texts met before when it is one of them.
        private mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            if let hit = known.first(where: { $0.bytes.elementsEqual(bytes) }) { return hit.text }
            let text = ScaleColumn.unescaped(bytes)
            if known.count < 64 { known.append((Array(bytes), text)) }
            return text
        }
    }

    private static let statuses: [(bytes: [UInt8], status: ScoringStatus)] = [ScoringStatus.complete, .prorated, .unscored]
        .map { (Array($0.rawValue.utf8), $0) }

    static func status(_ bytes: UnsafeBufferPointer<UInt8>) -> ScoringStatus? {
        statuses.first { $0.bytes.elementsEqual(bytes) }?.status
    }

    private static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "%"): bytes += Array("%25".utf8)
            case UInt8(ascii: ","): bytes += Array("%2C".utf8)
            case UInt8(ascii: ";"): bytes += Array("%3B".utf8)
            default: bytes.append(byte)
            }
        }
    }

    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        var plain: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexDigit(bytes[index + 1]),
                let low = hexDigit(bytes[index + 2])
            {
                plain.append(high << 4 | low)
                index += 3
            } else {
                plain.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: plain, as: UTF8.self)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes += String(value).utf8
        }
    }

    /// A whole score as an integer (as PostgreSQL prints a whole double), else the shortest text that reads back
    /// as the same double.
    private static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int(value), to: &bytes)
        } else {
            bytes += value.description.utf8
        }
    }

    /// A non-negative or negative decimal integer, or nil.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        var negative = false
        for (index, byte) in bytes.enumerated() {
            if index == 0 && byte == UInt8(ascii: "-") && bytes.count > 1 {
                negative = true
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1 && !overflow2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// A score: an integer read without a String (nearly every score is one), else a decimal.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let whole = integer(bytes) { return Double(whole) }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}
