import Foundation

/// Student IDs as typed at a terminal or keyed into a spreadsheet: full-width digits (Chinese input methods),
/// surrounding spaces and lower-case letters are normalized so that the same student is always the same key.
package enum StudentID {
    package static func normalize(_ raw: String) -> String {
        raw.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }
}
