import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

extension PostgresStore {
    /// Starts a paper import (see ``PostgresPaperImportStaging``): the same file already imported into the wave
    /// changes nothing.
    package func beginPaperImport(
        wave: String, battery: Battery, path: String, fileHash: String
    ) throws(StoreError) -> PaperImportStart {
        if let earlier = try earlierImport(wave: wave, fileHash: fileHash) { return .alreadyImported(at: earlier) }
        return .staging(PostgresPaperImportStaging(store: self, wave: wave, battery: battery, path: path, fileHash: fileHash))
    }

    private func earlierImport(wave: String, fileHash: String) throws(StoreError) -> Date? {
        do {
            return try run("SELECT imported_at FROM import WHERE wave_id = \(wave) AND file_hash = \(fileHash)").first?.decode(
                Date.self)
        } catch {
            throw storeError(error)
        }
    }

    /// Stores the sheets of an import in one transaction: killed midway, nothing is stored. An import of the same
    /// file published meanwhile by another psyscreen makes this one store nothing.
    ///
    /// The rows travel with COPY into temporary tables (no write-ahead log, no index), then each table is filled
    /// with one `INSERT … SELECT`, which also passes a counselor's rows through row-level security (COPY into a
    /// table under row-level security is not allowed) and has their keys checked once (``PostgresKeyChecks``).
    /// As in the SQLite store, a paper sheet's answers are kept in the `answers` column of its instrument results
    /// only: the `answer` table holds terminal sittings' items.
    func publishPaper(
        _ staging: PostgresPaperImportStaging, sheets: [PostgresPaperImportStaging.Sheet]
    ) throws(StoreError) -> PaperImportSummary {
        let (wave, battery, path, fileHash) = (staging.wave, staging.battery, staging.path, staging.fileHash)
        return try transaction {
            try link.query("SELECT pg_advisory_xact_lock(hashtext('psyscreen import ' || \(wave)))")
            let earlier = try link.query("SELECT imported_at FROM import WHERE wave_id = \(wave) AND file_hash = \(fileHash)")
            if let row = earlier.first {
                return PaperImportSummary(alreadyImportedAt: try row.decode(Date.self), stored: 0, strangers: [], levels: [:])
            }
            try ensureWave(wave)
            let now = Self.stored(clock())
            let importID = try link.query(
                """
                INSERT INTO import (wave_id, file_hash, path, battery_id, imported_at, "user", records, stored)
                VALUES (\(wave), \(fileHash), \(path), \(battery.id), \(now), \(user), \(sheets.count), 0) RETURNING id
                """)[0].decode(Int64.self)
            var known: Set<String> = []
            try link.forEachRow("SELECT student_id FROM student") { known.insert(try $0.decode(String.self)) }
            var summary = PaperImportSummary(alreadyImportedAt: nil, stored: 0, strangers: [], levels: [:])
            var stored: [PostgresPaperImportStaging.Sheet] = []
            stored.reserveCapacity(sheets.count)
            for sheet in sheets {
                guard known.contains(sheet.studentID) else {
                    summary.strangers.append(
                        Stranger(
                            line: sheet.line, studentID: sheet.studentID,
                            raisesCrisis: sheet.outcome.results.contains(where: \.hasCrisis)))
                    continue
                }
                stored.append(sheet)
                summary.levels[sheet.outcome.assessment.level, default: 0] += 1
            }
            summary.stored = stored.count
            if !stored.isEmpty {
                let ids = try attemptIDs(stored.count)
                try stage(stored.indices.map { (ids[$0], stored[$0]) }, wave: wave, battery: battery, importID: importID, at: now)
            }
            try link.query("UPDATE import SET stored = \(summary.stored) WHERE id = \(importID)")
            try audit(
                .paperImport(
                    path: path, sha256: String(fileHash.prefix(12)), wave: wave, battery: battery.id, valid: sheets.count,
                    stored: summary.stored, notOnRoster: summary.strangers.count))
            return summary
        }
    }

    /// `count` new attempt ids from the table's sequence, named once: `nextval(pg_get_serial_sequence(…))` in the
    /// select list would look the sequence up again for every row (a third of a second per 100,000).
    private func attemptIDs(_ count: Int) throws -> [Int64] {
        // Its number, written into the statement as a constant (a bound name cast to regclass is looked up per row too).
        let sequence = try link.query("SELECT pg_get_serial_sequence('attempt', 'id')::regclass::oid::bigint")[0].decode(
            Int64.self)
        var ids: [Int64] = []
        ids.reserveCapacity(count)
        try link.forEachRow(PostgresQuery(unsafeSQL: "SELECT nextval(\(sequence)::oid) FROM generate_series(1, \(count))")) {
            ids.append(try $0.decode(Int64.self))
        }
        return ids
    }

    /// Copies the attempts and results (with their answers and scale scores) of stored sheets into temporary tables, then into the tables.
    private func stage(
        _ rows: [(id: Int64, sheet: PostgresPaperImportStaging.Sheet)],
        wave: String, battery: Battery, importID: Int64, at now: Date
    ) throws {
        try link.script(
            """
            CREATE TEMPORARY TABLE paper_attempt (LIKE attempt) ON COMMIT DROP;
            CREATE TEMPORARY TABLE paper_result (LIKE instrument_result) ON COMMIT DROP
            """)
        try copy(
            rows, into: "paper_attempt",
            columns: [
                "id", "wave_id", "student_id", "battery_id", "battery_version", "source", "state", "started_at", "finished_at",
                "import_id", "source_line", "level", "reasons", "scored", "validity",
            ]
        ) { row, line in
            let outcome = row.sheet.outcome
            line.field(row.id)
            line.field(wave)
            line.field(row.sheet.studentID)
            line.field(battery.id)
            line.field(battery.version)
            line.field("paper")
            line.field("finished")
            line.field(now)
            line.field(now)
            line.field(importID)
            line.field(row.sheet.line)
            line.field(outcome.assessment.level.rawValue)
            line.field(outcome.assessment.reasons.map(\.code).joined(separator: "; "))
            line.field(outcome.isScored)
            line.field(ValidityColumn.text(outcome.validity))
        }
        try copyLines(
            into: "paper_result",
            columns: [
                "attempt_id", "instrument_id", "instrument_version", "position", "status", "flags", "crisis", "validity",
                "answers", "scales",
            ]
        ) { lines in
            for row in rows {
                let answers = row.sheet.answers
                for (position, result) in row.sheet.outcome.results.enumerated() {
                    lines.text.field(row.id)
                    lines.text.field(result.instrumentID)
                    lines.text.field(result.instrumentVersion)
                    lines.text.field(position)
                    lines.text.field(result.status.rawValue)
                    lines.text.field(result.flags.joined(separator: ";"))
                    lines.text.field(result.hasCrisis)
                    lines.text.field(ValidityColumn.text(result.validity))
                    lines.text.field(AnswerColumn.text(position < answers.count ? answers[position] : []))
                    lines.text.field(ScaleColumn.text(result.scales))
                    try lines.endRow()
                }
            }
        }
        try link.script(
            """
            INSERT INTO attempt SELECT * FROM paper_attempt;
            INSERT INTO instrument_result SELECT * FROM paper_result
            """)
    }
}
