import Foundation

/// Normalization shared by every prompt of the flow.
package enum StudentInput {
    /// NFKC, surrounding white space (ideographic space included) removed, lower-cased.
    package static func normalize(_ line: String) -> String {
        line.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
