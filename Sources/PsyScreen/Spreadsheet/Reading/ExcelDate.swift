/// Turns Excel's date serial numbers into ISO 8601 text.
///
/// In the usual 1900 system day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was (serial 60),
/// so serials from 61 on are days since 1899-12-30; in the 1904 system day 0 is 1904-01-01. The fraction is the
/// time of day.
enum ExcelDate {
    /// `2009-05-12`, `2009-05-12 08:30:00` or `08:30:00`; nil for a serial out of range (negative, past 9999,
    /// or the 29 February 1900 that does not exist).
    static func text(serial: Double, format: CellFormat, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var day = Int(serial.rounded(.down))
        // Seconds of the day, rounded to the second as Excel shows them.
        var seconds = Int(((serial - Double(day)) * 86_400).rounded())
        if seconds == 86_400 {
            day += 1
            seconds = 0
        }
        let time =
            String(format2: seconds / 3600) + ":" + String(format2: seconds / 60 % 60) + ":" + String(format2: seconds % 60)
        if format == .time { return time }
        let daysFrom1970: Int
        if date1904 {
            daysFrom1970 = day - 24_107
        } else {
            guard day != 60, day != 0 else { return nil }
            daysFrom1970 = day - (day < 60 ? 25_568 : 25_569)
        }
        let (year, month, dayOfMonth) = civil(daysFrom1970)
        let date = String(year) + "-" + String(format2: month) + "-" + String(format2: dayOfMonth)
        return format == .dateTime ? date + " " + time : date
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension String {
    /// Two digits with a leading zero.
    fileprivate init(format2 value: Int) { self = value < 10 ? "0" + String(value) : String(value) }
}
