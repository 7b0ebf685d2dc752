import Crypto
import Foundation

/// A fingerprint of what turns answers into scores, bands and levels, stamped on every report: two reports
/// with the same hashes counted with the same key.
///
/// The hash is SHA-256 over a canonical text of the scoring-relevant data — items (id, option set, reversal),
/// option values, scales (definition, decimals, range, bands) and flags — not of the file bytes, so that a
/// re-indented file or a corrected translation keeps its hash while a changed cut-off does not.
package enum ScoringKeyHash {
    /// `sha256:` and 64 hex digits.
    package static func of(_ instrument: Instrument) -> String {
        var lines = ["instrument \(instrument.id) \(instrument.version)"]
        for set in instrument.responseSets {
            lines.append("options \(set.id): \(set.values.map(String.init).joined(separator: ","))")
        }
        for item in instrument.items {
            lines.append("item \(item.id) \(item.responseSetID)\(item.isReversed ? " reversed" : "")")
        }
        for scale in instrument.scales {
            var line = "scale \(scale.id) decimals=\(scale.decimals) range=\(scale.range.lowerBound)...\(scale.range.upperBound)"
            switch scale.definition {
            case .items(let method, let itemIDs, let minimumAnswered, let prorate):
                line += " \(method.rawValue) [\(itemIDs.joined(separator: ","))] min=\(minimumAnswered) prorate=\(prorate)"
            case .derived(let of, let multiply, let add):
                line += " derived \(of)*\(multiply)+\(add)"
            }
            lines.append(line)
            for band in scale.bands { lines.append("band \(scale.id).\(band.id) \(band.minimum)...\(band.maximum)") }
        }
        for flag in instrument.flags {
            lines.append(
                "flag \(flag.id) \(flag.kind.rawValue) [\(flag.itemIDs.joined(separator: ","))] \(flag.minimum)...\(flag.maximum)"
            )
        }
        return digest(lines)
    }

    /// The warning policy of a battery (which band gives which level).
    package static func of(_ battery: Battery) -> String {
        var lines = ["battery \(battery.id) \(battery.version)"]
        for level in [WarningLevel.red, .orange, .yellow] {
            for condition in battery.policy.conditions[level] ?? [] { lines.append("\(level.rawValue): \(condition)") }
        }
        return digest(lines)
    }

    private static func digest(_ lines: [String]) -> String {
        let bytes = Data((lines.joined(separator: "\n") + "\n").utf8)
        return "sha256:"
            + SHA256.hash(data: bytes).map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
    }
}
