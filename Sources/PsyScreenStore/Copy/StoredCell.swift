import Foundation

/// One value of a row on its way from one store to another (see ``StoreTables``).
package enum StoredCell: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)
    case flag(Bool)
    /// Milliseconds since 1970, UTC: what both stores keep of a time, exactly (a `Date` may be a hair off).
    case time(milliseconds: Int64)

    /// A time read from either store.
    package static func time(_ date: Date) -> StoredCell {
        .time(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS` in UTC, as the SQLite store keeps times (GRDB's format), from milliseconds.
    package static func sqliteText(milliseconds: Int64) -> String {
        var (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        if fraction < 0 {
            fraction += 1000
            seconds -= 1
        }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(fraction))
    }
}
