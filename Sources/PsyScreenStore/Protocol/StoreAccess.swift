/// How a store is opened.
package enum StoreAccess: Sendable {
    /// Never creates the database; refuses a missing one with how to start. Reads a file the user may only read.
    case readOnly
    /// Creates the database if missing (a SQLite file owner-only; PostgreSQL's tables, by their owner) and brings
    /// the schema up to date.
    case readWrite
}
