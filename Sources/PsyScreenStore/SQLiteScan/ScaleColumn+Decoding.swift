import PsyScreen

/// Reading the `scales` column from its bytes without allocating (``ScaleColumn``'s format): the one part of the
/// column's code that works on raw pointers, kept here with the store's other byte-level readers.
extension ScaleColumn {
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
        StoredValue(column: "attempt.results", text: String(decoding: bytes, as: UTF8.self))
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
                    throw StoredValue(column: "attempt.results", text: String(decoding: entry.status, as: UTF8.self))
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
