import GRDB

/// A read-only connection of its own, for a scan that runs on another thread beside the command's own reading
/// (the answers, the scores, the closing digest). `path` is the command's connection's, so a file that one reads
/// as immutable, the other does too.
enum SideConnection {
    /// - Parameter mapped: pages straight from the file mapping instead of a copy per page read (a scan of a
    ///   large table).
    static func open(_ path: String, mapped: Bool = false) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(60)
        if mapped { configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 4294967296") } }
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
