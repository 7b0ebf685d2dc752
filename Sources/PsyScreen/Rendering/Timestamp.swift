import Foundation

/// Times in files: ISO 8601 with the UTC offset, to the second.
package enum Timestamp {
    package static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// ``Timestamp`` for many rows: one formatter (making one costs more than formatting), and the last time kept, as
/// the attempts of one paper import share theirs. For one thread.
package final class TimestampCache {
    private let formatter: ISO8601DateFormatter
    private var last: (date: Date, text: String)?

    package init() {
        formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
    }

    package func string(_ date: Date) -> String {
        if let last, last.date == date { return last.text }
        let text = formatter.string(from: date)
        last = (date, text)
        return text
    }
}
