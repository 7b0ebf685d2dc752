import Foundation
import GRDB
import PsyScreen

extension SQLiteStore {
    /// The batteries (id, version) whose attempts are stored in `wave`, most used first.
    package func batteries(inWave wave: String) throws(StoreError) -> [(id: String, version: String)] {
        try read { db in
            // With no import being staged every attempt is visible: the batteries are then the index's, found one
            // probe each, and only more than one needs counting (for the order) — not a million index entries.
            let staging = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM import WHERE state = 'staging')") ?? true
            if !staging {
                let stored = try Self.storedBatteries(db, wave: wave)
                if stored.count <= 1 { return stored }
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT battery_id, battery_version, COUNT(*) AS uses FROM attempt a
                    WHERE wave_id = ?\(staging ? " AND \(Self.visible("a"))" : "")
                    GROUP BY battery_id, battery_version ORDER BY uses DESC, battery_id, battery_version
                    """, arguments: [wave]
            ).map { (id: $0["battery_id"], version: $0["battery_version"]) }
        }
    }

    /// The batteries of `wave`'s attempts, visible or not, in index order: one probe of the (wave, battery)
    /// index per battery, skipping the attempts in between.
    static func storedBatteries(_ db: Database, wave: String) throws -> [(id: String, version: String)] {
        // A row-value `(battery_id, battery_version) > (?, ?)` seeks on the id alone and then reads every attempt
        // of that id: the next version of the id and the next id are two seeks instead.
        let first = try db.makeStatement(
            sql: "SELECT battery_id, battery_version FROM attempt WHERE wave_id = ? ORDER BY battery_id, battery_version LIMIT 1")
        let nextVersion = try db.makeStatement(
            sql: """
                SELECT battery_id, battery_version FROM attempt WHERE wave_id = ? AND battery_id = ? AND battery_version > ?
                ORDER BY battery_version LIMIT 1
                """)
        let nextID = try db.makeStatement(
            sql: """
                SELECT battery_id, battery_version FROM attempt WHERE wave_id = ? AND battery_id > ?
                ORDER BY battery_id, battery_version LIMIT 1
                """)
        var found: [(id: String, version: String)] = []
        var row = try Row.fetchOne(first, arguments: [wave])
        while let battery = row {
            let (id, version): (String, String) = (battery[0], battery[1])
            found.append((id, version))
            row = try Row.fetchOne(nextVersion, arguments: [wave, id, version]) ?? Row.fetchOne(nextID, arguments: [wave, id])
        }
        return found
    }

    /// The lowest and highest id of `wave`'s attempts (visible or not; nil without any): two probes of the
    /// (wave, battery) index per battery, where `MIN(id), MAX(id)` over the wave reads each of its attempts.
    static func attemptRange(_ db: Database, wave: String) throws -> (first: Int64, last: Int64)? {
        var range: (first: Int64, last: Int64)?
        for battery in try storedBatteries(db, wave: wave) {
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT MIN(id) FROM attempt WHERE wave_id = ?1 AND battery_id = ?2 AND battery_version = ?3),
                           (SELECT MAX(id) FROM attempt WHERE wave_id = ?1 AND battery_id = ?2 AND battery_version = ?3)
                    """, arguments: [wave, battery.id, battery.version])
            guard let first: Int64 = row?[0], let last: Int64 = row?[1] else { continue }
            range = (min(first, range?.first ?? first), max(last, range?.last ?? last))
        }
        return range
    }
}
