/// Instrument results as a database made before migration v7 stored them (an `instrument_result` row per
/// instrument), and the `results` text of each attempt that either store must hold after the migration: the same
/// for SQLite and PostgreSQL.
package enum OlderResults {
    /// Rows of attempts 7 (phq9 at position 0 and gad7 at 1, stored out of order; flags, a crisis, a finding, a
    /// scale id with the scales column's own escapes) and 8 (texts holding a tab, a newline and `%`); attempt 9 has
    /// none. `tab`, `newline`, `yes` and `no` are the store's SQL for them.
    package static func rows(tab: String, newline: String, yes: String, no: String) -> String {
        """
        INSERT INTO instrument_result VALUES
            (7, 'gad7', '1.0', 1, 'complete', '', \(no), '', '1,1,1,1,1,1,1', 'total,7,mild,7,7,complete');
        INSERT INTO instrument_result VALUES
            (7, 'phq9', '1.0', 0, 'prorated', 'item9;x%y', \(yes), 'too-fast:6.5:32', '3,3,,3,3,3,3,3,1',
             'total,25.875,severe,8,9,prorated;odd%3Bid%2C%25,2.5,,1,2,prorated');
        INSERT INTO instrument_result VALUES
            (8, 'odd' || \(tab) || 'id', '1' || \(newline) || '2', 0, 'unscored', '', \(no), 'straight-lining:a' || \(tab) || 'b',
             '', 'total,,,0,9,unscored');
        """
    }

    /// `attempt.results` of attempts 7, 8 and 9 (ResultColumn's text).
    package static let texts: [Int64: String] = [
        7: "phq9\t1.0\tprorated\titem9;x%25y\t1\ttoo-fast:6.5:32\t3,3,,3,3,3,3,3,1\t"
            + "total,25.875,severe,8,9,prorated;odd%253Bid%252C%2525,2.5,,1,2,prorated\n"
            + "gad7\t1.0\tcomplete\t\t0\t\t1,1,1,1,1,1,1\ttotal,7,mild,7,7,complete",
        8: "odd%09id\t1%0A2\tunscored\t\t0\tstraight-lining:a%09b\t\ttotal,,,0,9,unscored",
        9: "",
    ]
}
