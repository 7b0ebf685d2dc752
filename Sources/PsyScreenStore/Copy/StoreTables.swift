/// The tables every store holds, column for column, parents first: what `db copy` moves. Both backends create
/// them (SQLite's migrations, and PostgreSQL's made to match), so a row read from one fits the other.
package enum StoreTables {
    /// How a column's values are kept: the same values in both stores, in each one's own types.
    package enum Kind: Sendable {
        case text
        case integer
        case real
        /// SQLite: 0 or 1; PostgreSQL: boolean.
        case flag
        /// SQLite: GRDB's UTC text with milliseconds; PostgreSQL: timestamptz(3).
        case time
    }

    package struct Table: Sendable {
        package var name: String
        package var columns: [(name: String, kind: Kind)]
        /// The order rows are read in (the primary key).
        package var order: String
        /// The column numbered by the database (AUTOINCREMENT / identity), whose counter follows the copied rows.
        package var counter: String?
    }

    package static let all: [Table] = [
        Table(
            name: "student",
            columns: [
                ("student_id", .text), ("name", .text), ("school", .text), ("grade", .text), ("class", .text), ("gender", .text),
                ("status", .text), ("campus", .text), ("major", .text), ("birth_date", .text), ("dorm", .text),
                ("updated_at", .time),
            ],
            order: "student_id"),
        Table(name: "wave", columns: [("id", .text), ("created_at", .time), ("closed_at", .time)], order: "id"),
        Table(
            name: "import",
            columns: [
                ("id", .integer), ("wave_id", .text), ("file_hash", .text), ("path", .text), ("battery_id", .text),
                ("imported_at", .time), ("user", .text), ("records", .integer), ("stored", .integer), ("state", .text),
                ("holder", .text), ("alive_at", .time),
            ],
            order: "id", counter: "id"),
        Table(
            name: "attempt",
            columns: [
                ("id", .integer), ("wave_id", .text), ("student_id", .text), ("battery_id", .text), ("battery_version", .text),
                ("source", .text), ("state", .text), ("started_at", .time), ("finished_at", .time), ("import_id", .integer),
                ("source_line", .integer), ("level", .text), ("reasons", .text), ("scored", .flag), ("validity", .text),
                ("crisis_at", .time), ("results", .text),
            ],
            order: "id", counter: "id"),
        Table(
            name: "answer",
            columns: [
                ("attempt_id", .integer), ("instrument_id", .text), ("item_id", .text), ("position", .integer),
                ("value", .integer),
                ("answered_at", .time), ("seconds", .real),
            ],
            order: "attempt_id, instrument_id, item_id"),
        Table(
            name: "follow_up",
            columns: [
                ("id", .integer), ("wave_id", .text), ("student_id", .text), ("status", .text), ("note", .text), ("at", .time),
                ("user", .text),
            ],
            order: "id", counter: "id"),
        Table(
            name: "audit", columns: [("id", .integer), ("at", .time), ("user", .text), ("action", .text), ("detail", .text)],
            order: "id", counter: "id"),
        Table(
            name: "wave_release", columns: [("wave_id", .text), ("student_id", .text), ("fingerprint", .text)],
            order: "wave_id, student_id"),
        Table(
            name: "wave_pattern", columns: [("wave_id", .text), ("min_cell", .integer), ("pattern", .text)],
            order: "wave_id, min_cell"),
    ]
}
