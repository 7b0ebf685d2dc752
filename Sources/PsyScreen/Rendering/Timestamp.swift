import Foundation

/// Times in files: ISO 8601 with the UTC offset, to the second.
package enum Timestamp {
    package static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
