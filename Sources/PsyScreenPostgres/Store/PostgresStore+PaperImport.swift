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
    /// Every sheet travels with COPY into temporary tables (no write-ahead log); one statement then drops the
    /// strangers' sheets and returns their lines, and one `INSERT … SELECT` fills both tables, which also passes a
    /// counselor's rows through row-level security (COPY into a table under row-level security is not allowed) and
    /// has their keys checked once (``PostgresKeyChecks``). No per-student row crosses the network back to the client.
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
            var summary = PaperImportSummary(alreadyImportedAt: nil, stored: 0, strangers: [], levels: [:])
            if !sheets.isEmpty {
                try stage(sheets)
                let strangers = try dropStrangers()
                for (number, sheet) in sheets.enumerated() {
                    guard !strangers.contains(number) else {
                        summary.strangers.append(
                            Stranger(
                                line: sheet.line, studentID: sheet.studentID,
                                raisesCrisis: sheet.outcome.results.contains(where: \.hasCrisis)))
                        continue
                    }
                    summary.levels[sheet.outcome.assessment.level, default: 0] += 1
                }
                summary.stored = sheets.count - summary.strangers.count
                if summary.stored > 0 { try insertStaged(wave: wave, battery: battery, importID: importID, at: now) }
            }
            try link.query("UPDATE import SET stored = \(summary.stored) WHERE id = \(importID)")
            try audit(
                .paperImport(
                    path: path, sha256: String(fileHash.prefix(12)), wave: wave, battery: battery.id, valid: sheets.count,
                    stored: summary.stored, notOnRoster: summary.strangers.count))
            return summary
        }
    }

    /// Copies every sheet (with its results, answers and scale scores) into temporary tables, keyed by its number
    /// (a file's lines need not be unique keys: tests and other callers may repeat one). Only what differs from
    /// sheet to sheet travels; the import's constants are bound once in ``insertStaged(wave:battery:importID:at:)``.
    private func stage(_ sheets: [PostgresPaperImportStaging.Sheet]) throws {
        try link.script(
            """
            CREATE TEMPORARY TABLE paper_sheet (
                sheet integer NOT NULL, source_line integer NOT NULL, student_id text COLLATE "C" NOT NULL, level text COLLATE "C" NOT NULL,
                reasons text COLLATE "C" NOT NULL, scored boolean NOT NULL, validity text COLLATE "C" NOT NULL
            ) ON COMMIT DROP;
            CREATE TEMPORARY TABLE paper_result (LIKE instrument_result) ON COMMIT DROP;
            ALTER TABLE paper_result RENAME attempt_id TO sheet;
            CREATE TEMPORARY TABLE paper_stored_result (LIKE instrument_result) ON COMMIT DROP
            """)
        try copy(
            sheets.enumerated(), into: "paper_sheet",
            columns: ["sheet", "source_line", "student_id", "level", "reasons", "scored", "validity"]
        ) { numbered, line in
            let (number, sheet) = numbered
            let outcome = sheet.outcome
            line.field(number)
            line.field(sheet.line)
            line.field(sheet.studentID)
            line.field(outcome.assessment.level.rawValue)
            line.field(outcome.assessment.reasons.map(\.code).joined(separator: "; "))
            line.field(outcome.isScored)
            line.field(ValidityColumn.text(outcome.validity))
        }
        try copyLines(
            into: "paper_result",
            columns: [
                "sheet", "instrument_id", "instrument_version", "position", "status", "flags", "crisis", "validity",
                "answers", "scales",
            ]
        ) { lines in
            for (number, sheet) in sheets.enumerated() {
                let answers = sheet.answers
                for (position, result) in sheet.outcome.results.enumerated() {
                    lines.text.field(number)
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
    }

    /// Removes the staged sheets of students not on the roster (as the importing role sees it) and returns their
    /// numbers: only the strangers come back, not the roster.
    private func dropStrangers() throws -> Set<Int> {
        var lines: Set<Int> = []
        try link.forEachRow(
            """
            DELETE FROM paper_sheet p WHERE NOT EXISTS (SELECT 1 FROM student s WHERE s.student_id = p.student_id)
            RETURNING sheet
            """
        ) { lines.insert(try $0.decode(Int.self)) }
        return lines
    }

    /// Stores the staged sheets: one statement draws each sheet's attempt id from the table's identity sequence in
    /// sheet order (as the SQLite store numbers them), stores the attempts and gives their results the ids; a second
    /// stores the results. Row-level security checks a counselor's results against the attempts table, which does
    /// not yet show the attempts written by the same statement: the results cannot go in with them.
    private func insertStaged(wave: String, battery: Battery, importID: Int64, at now: Date) throws {
        // The sequence's number, written into the statement as a constant: `nextval(pg_get_serial_sequence(…))`,
        // or a bound name cast to regclass, is looked up again for every row (a third of a second per 100,000).
        let sequence = try link.query("SELECT pg_get_serial_sequence('attempt', 'id')::regclass::oid::bigint")[0].decode(
            Int64.self)
        let sql: PostgresQuery = """
            WITH numbered AS MATERIALIZED (
                SELECT nextval(\(unescaped: String(sequence))::oid) AS id, p.*
                FROM (SELECT * FROM paper_sheet ORDER BY sheet) p),
            stored AS (
                INSERT INTO attempt (
                    id, wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at,
                    import_id, source_line, level, reasons, scored, validity)
                SELECT id, \(wave), student_id, \(battery.id), \(battery.version), 'paper', 'finished', \(now), \(now),
                    \(importID), source_line, level, reasons, scored, validity
                FROM numbered)
            INSERT INTO paper_stored_result (
                attempt_id, instrument_id, instrument_version, position, status, flags, crisis, validity, answers, scales)
            SELECT n.id, r.instrument_id, r.instrument_version, r.position, r.status, r.flags, r.crisis, r.validity,
                r.answers, r.scales
            FROM paper_result r JOIN numbered n USING (sheet)
            """
        try link.query(sql)
        try link.script("INSERT INTO instrument_result SELECT * FROM paper_stored_result")
    }
}
