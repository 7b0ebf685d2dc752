import PsyScreen

/// The `results` column of `attempt`: the attempt's instrument results in battery order, as one text, instead of a
/// row per instrument in a table of their own (`instrument_result` before). A paper import then writes one row
/// per sheet: no second table, primary key or key check, which on PostgreSQL cost 38–41% of the server's
/// instructions for an import's rows (docs/store-backends.md).
///
/// One line per instrument, lines joined by `\n`; a line is eight fields joined by `\t`: the instrument's id and
/// version, its scoring status, its flags (joined by `;`), `1` or `0` for a crisis flag, its validity findings
/// (``ValidityColumn``), its answers (``AnswerColumn``) and its scale scores (``ScaleColumn``). In every field `%`,
/// `\t` and `\n` are written `%25`, `%09` and `%0A`, so any text reads back as it was written. For example
/// `phq9\t1.0\tcomplete\t\t0\t\t0,0,1,0,0,0,0,0,0\ttotal,1,minimal,9,9,complete`.
///
/// The one encoder and decoder, for both stores.
package enum ResultColumn {
    /// One instrument's result, its fields as the column keeps them.
    package struct Entry: Hashable, Sendable {
        package var instrumentID: String
        package var instrumentVersion: String
        /// A ``ScoringStatus``'s raw value.
        package var status: String
        /// The flags raised, joined by `;`.
        package var flags: String
        package var crisis: Bool
        /// ``ValidityColumn``'s text.
        package var validity: String
        /// ``AnswerColumn``'s text.
        package var answers: String
        /// ``ScaleColumn``'s text.
        package var scales: String

        package init(
            instrumentID: String, instrumentVersion: String, status: String, flags: String, crisis: Bool, validity: String,
            answers: String, scales: String
        ) {
            self.instrumentID = instrumentID
            self.instrumentVersion = instrumentVersion
            self.status = status
            self.flags = flags
            self.crisis = crisis
            self.validity = validity
            self.answers = answers
            self.scales = scales
        }

        /// The entry of a scored result with its answers (in item order).
        package init(_ result: InstrumentResult, answers: [Int?]) {
            self.init(
                instrumentID: result.instrumentID, instrumentVersion: result.instrumentVersion, status: result.status.rawValue,
                flags: result.flags.joined(separator: ";"), crisis: result.hasCrisis,
                validity: ValidityColumn.text(result.validity), answers: AnswerColumn.text(answers),
                scales: ScaleColumn.text(result.scales))
        }

        /// The result this entry holds; a status or scales text that is not one of theirs fails the read.
        package func result() throws(StoredValue) -> InstrumentResult {
            guard let status = ScoringStatus(rawValue: status) else {
                throw StoredValue(column: "attempt.results", text: status)
            }
            return InstrumentResult(
                instrumentID: instrumentID, instrumentVersion: instrumentVersion, scales: try ScaleColumn.scales(scales),
                flags: flags.isEmpty ? [] : flags.components(separatedBy: ";"), hasCrisis: crisis,
                validity: ValidityColumn.findings(validity), status: status)
        }
    }

    /// The column's text for `entries` (in battery order); no results is the empty text.
    package static func text(_ entries: [Entry]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 80)
        append(entries, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The column's text for a scored battery's results, each with its instrument's answers.
    package static func text(_ results: [InstrumentResult], answers: (InstrumentResult) -> [Int?]) -> String {
        var bytes: [UInt8] = []
        append(results, answers: { answers(results[$0]) }, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the column's text for a scored battery's results to `bytes`, each with the answers `answers(position)`
    /// (in item order): the same text as ``text(_:)`` of their entries, written without a String per field (an
    /// import writes one per sheet).
    package static func append(_ results: [InstrumentResult], answers: (Int) -> [Int?], to bytes: inout [UInt8]) {
        var scratch: [UInt8] = []
        for (position, result) in results.enumerated() {
            if position > 0 { bytes.append(lineSeparator) }
            appendEscaped(result.instrumentID, to: &bytes)
            bytes.append(fieldSeparator)
            appendEscaped(result.instrumentVersion, to: &bytes)
            bytes.append(fieldSeparator)
            bytes += result.status.rawValue.utf8
            bytes.append(fieldSeparator)
            for (index, flag) in result.flags.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ";")) }
                appendEscaped(flag, to: &bytes)
            }
            bytes.append(fieldSeparator)
            bytes.append(result.hasCrisis ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            bytes.append(fieldSeparator)
            appendEscaped(ValidityColumn.text(result.validity), to: &bytes)
            bytes.append(fieldSeparator)
            // Digits, commas and minus signs only: nothing to escape.
            AnswerColumn.append(answers(position), to: &bytes)
            bytes.append(fieldSeparator)
            scratch.removeAll(keepingCapacity: true)
            ScaleColumn.append(result.scales, to: &scratch)
            appendEscaped(scratch, to: &bytes)
        }
    }

    /// Appends the column's text for `entries` to `bytes`.
    package static func append(_ entries: [Entry], to bytes: inout [UInt8]) {
        for (index, entry) in entries.enumerated() {
            if index > 0 { bytes.append(lineSeparator) }
            appendEscaped(entry.instrumentID, to: &bytes)
            bytes.append(fieldSeparator)
            appendEscaped(entry.instrumentVersion, to: &bytes)
            bytes.append(fieldSeparator)
            appendEscaped(entry.status, to: &bytes)
            bytes.append(fieldSeparator)
            appendEscaped(entry.flags, to: &bytes)
            bytes.append(fieldSeparator)
            bytes.append(entry.crisis ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            bytes.append(fieldSeparator)
            appendEscaped(entry.validity, to: &bytes)
            bytes.append(fieldSeparator)
            appendEscaped(entry.answers, to: &bytes)
            bytes.append(fieldSeparator)
            appendEscaped(entry.scales, to: &bytes)
        }
    }

    /// The entries of `text`, in order; a text that is not one of the column's fails the read.
    package static func entries(_ text: String) throws(StoredValue) -> [Entry] {
        guard !text.isEmpty else { return [] }
        var entries: [Entry] = []
        for line in text.utf8.split(separator: lineSeparator, omittingEmptySubsequences: false) {
            let fields = line.split(separator: fieldSeparator, omittingEmptySubsequences: false)
            guard fields.count == 8, fields[4].count == 1, let crisis = fields[4].first,
                crisis == UInt8(ascii: "0") || crisis == UInt8(ascii: "1")
            else { throw malformed(text) }
            var values: [String] = []
            for (index, field) in fields.enumerated() where index != 4 {
                guard let value = unescaped(field) else { throw malformed(text) }
                values.append(value)
            }
            entries.append(
                Entry(
                    instrumentID: values[0], instrumentVersion: values[1], status: values[2], flags: values[3],
                    crisis: crisis == UInt8(ascii: "1"), validity: values[4], answers: values[5], scales: values[6]))
        }
        return entries
    }

    /// The results of `text` (in battery order) and each instrument's answers.
    package static func results(_ text: String) throws(StoredValue) -> (results: [InstrumentResult], answers: [String: [Int?]]) {
        var results: [InstrumentResult] = []
        var answers: [String: [Int?]] = [:]
        for entry in try entries(text) {
            results.append(try entry.result())
            answers[entry.instrumentID] = AnswerColumn.values(entry.answers)
        }
        return (results, answers)
    }

    /// `text` as the column writes it (an instrument id compares with the column's bytes in this form).
    package static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return bytes
    }

    static let lineSeparator = UInt8(ascii: "\n")
    static let fieldSeparator = UInt8(ascii: "\t")

    private static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        appendEscaped(text.utf8, to: &bytes)
    }

    private static func appendEscaped(_ text: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "%"): bytes += Array("%25".utf8)
            case UInt8(ascii: "\t"): bytes += Array("%09".utf8)
            case UInt8(ascii: "\n"): bytes += Array("%0A".utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// A field's text, its escapes undone; nil for an escape the column does not write.
    private static func unescaped(_ field: Substring.UTF8View) -> String? {
        guard field.contains(UInt8(ascii: "%")) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        var index = field.startIndex
        while index < field.endIndex {
            let byte = field[index]
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                index = field.index(after: index)
                continue
            }
            guard let end = field.index(index, offsetBy: 3, limitedBy: field.endIndex) else { return nil }
            switch String(decoding: field[index..<end], as: UTF8.self) {
            case "%25": bytes.append(UInt8(ascii: "%"))
            case "%09": bytes.append(UInt8(ascii: "\t"))
            case "%0A": bytes.append(UInt8(ascii: "\n"))
            default: return nil
            }
            index = end
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func malformed(_ text: String) -> StoredValue {
        StoredValue(column: "attempt.results", text: text)
    }
}
