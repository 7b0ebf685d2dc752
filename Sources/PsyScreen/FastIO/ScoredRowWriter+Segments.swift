/// The bytes ``ScoredRowWriter`` prepares once per outcome and per flag set: each cell led by its separator, so
/// that a row is these segments back to back.
extension ScoredRowWriter {
    /// `,12,moderate` or `,"phq9.total":12,"phq9.total.band":"moderate"`.
    static func outcomeSegment(_ id: Int, scorer: TabulatedScorer, format: ScoredOutputFormat) -> [UInt8] {
        let scales = scorer.instruments.flatMap { instrument in instrument.scales.map { (instrument, $0) } }
        let result = scorer.outcomes[id]
        let (instrument, scale) = scales[scorer.outcomeScale[id]]
        let score = result.score.map { ScoreFormat.string($0, decimals: scale.decimals) }
        switch format {
        case .csv:
            return [UInt8(ascii: ",")] + csvCell(score ?? "") + [UInt8(ascii: ",")] + csvCell(result.bandID ?? "")
        case .jsonl:
            let name = "\(instrument.id).\(scale.id)"
            return Array(",".utf8) + jsonString(name) + Array(":\(score ?? "null"),".utf8) + jsonString(name + ".band")
                + [UInt8(ascii: ":")] + (result.bandID.map(jsonString) ?? Array("null".utf8))
        }
    }

    /// `,item9,complete` or `,"phq9.flags":["item9"],"phq9.status":"complete"`; `code` is flag mask × 3 + status rank.
    static func tailSegment(_ instrument: Instrument, code: Int, format: ScoredOutputFormat) -> [UInt8] {
        let mask = code / 3
        let flags = instrument.flags.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element.id)
        let status = [ScoringStatus.complete, .prorated, .unscored][code % 3].rawValue
        switch format {
        case .csv:
            return [UInt8(ascii: ",")] + csvCell(flags.joined(separator: ";")) + [UInt8(ascii: ",")] + csvCell(status)
        case .jsonl:
            let array = "[" + flags.map { String(decoding: jsonString($0), as: UTF8.self) }.joined(separator: ",") + "]"
            return Array(",".utf8) + jsonString("\(instrument.id).flags") + Array(":\(array),".utf8)
                + jsonString("\(instrument.id).status") + [UInt8(ascii: ":")] + jsonString(status)
        }
    }

    /// A cell we computed, quoted only when it must be (never neutralized: it did not come from the input).
    static func csvCell(_ value: String) -> [UInt8] {
        var out: [UInt8] = []
        CSVField.append(value.utf8, to: &out)
        return out
    }

    static func jsonString(_ value: String) -> [UInt8] { JSONEscaping.quoted(value) }
}
