import PsyScreen

/// The scales field of an attempt's results (``ResultColumn``): an instrument's scale scores, in the instrument's
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

}
