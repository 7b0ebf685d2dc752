import GRDB
import PsyScreen

/// The schema, as GRDB migrations: add a migration, never edit a shipped one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE student (
                        student_id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        school TEXT NOT NULL,
                        grade TEXT NOT NULL,
                        class TEXT NOT NULL,
                        gender TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('enrolled', 'leave', 'internship', 'withdrawn')),
                        campus TEXT,
                        major TEXT,
                        birth_date TEXT,
                        dorm TEXT,
                        updated_at DATETIME NOT NULL
                    );
                    CREATE INDEX student_unit ON student (school, grade, class);

                    CREATE TABLE wave (
                        id TEXT PRIMARY KEY NOT NULL,
                        created_at DATETIME NOT NULL
                    );

                    CREATE TABLE import (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        wave_id TEXT NOT NULL REFERENCES wave (id),
                        file_hash TEXT NOT NULL,
                        path TEXT NOT NULL,
                        battery_id TEXT NOT NULL,
                        imported_at DATETIME NOT NULL,
                        user TEXT NOT NULL,
                        records INTEGER NOT NULL,
                        stored INTEGER NOT NULL,
                        UNIQUE (wave_id, file_hash)
                    );

                    CREATE TABLE attempt (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        wave_id TEXT NOT NULL REFERENCES wave (id),
                        student_id TEXT NOT NULL REFERENCES student (student_id),
                        battery_id TEXT NOT NULL,
                        battery_version TEXT NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('paper', 'terminal')),
                        state TEXT NOT NULL CHECK (state IN ('in_progress', 'finished', 'refused')),
                        started_at DATETIME NOT NULL,
                        finished_at DATETIME,
                        import_id INTEGER REFERENCES import (id),
                        source_line INTEGER,
                        level TEXT NOT NULL DEFAULT 'none' CHECK (level IN ('none', 'yellow', 'orange', 'red')),
                        reasons TEXT NOT NULL DEFAULT '',
                        scored INTEGER NOT NULL DEFAULT 0,
                        validity TEXT NOT NULL DEFAULT '',
                        crisis_at DATETIME
                    );
                    CREATE INDEX attempt_wave_student ON attempt (wave_id, student_id, id);

                    CREATE TABLE answer (
                        attempt_id INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                        instrument_id TEXT NOT NULL,
                        item_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        value INTEGER,
                        answered_at DATETIME,
                        seconds DOUBLE,
                        PRIMARY KEY (attempt_id, instrument_id, item_id)
                    ) WITHOUT ROWID;

                    CREATE TABLE instrument_result (
                        attempt_id INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                        instrument_id TEXT NOT NULL,
                        instrument_version TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        flags TEXT NOT NULL,
                        crisis INTEGER NOT NULL,
                        validity TEXT NOT NULL,
                        PRIMARY KEY (attempt_id, instrument_id)
                    ) WITHOUT ROWID;

                    CREATE TABLE scale_score (
                        attempt_id INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                        instrument_id TEXT NOT NULL,
                        scale_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        score DOUBLE,
                        band TEXT,
                        answered INTEGER NOT NULL,
                        item_count INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        PRIMARY KEY (attempt_id, instrument_id, scale_id)
                    ) WITHOUT ROWID;

                    CREATE TABLE follow_up (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        wave_id TEXT NOT NULL REFERENCES wave (id),
                        student_id TEXT NOT NULL REFERENCES student (student_id),
                        status TEXT NOT NULL CHECK (status IN ('contacted', 'counseling', 'referred', 'closed')),
                        note TEXT,
                        at DATETIME NOT NULL,
                        user TEXT NOT NULL
                    );
                    CREATE INDEX follow_up_student ON follow_up (wave_id, student_id, id);

                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at DATETIME NOT NULL,
                        user TEXT NOT NULL,
                        action TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2") { db in
            // Each instrument's answers in one value beside its result, for reports (see AnswerColumn), and an
            // index that lists a wave's batteries without reading its attempts.
            try db.execute(
                sql: """
                    ALTER TABLE instrument_result ADD COLUMN answers TEXT NOT NULL DEFAULT '';
                    CREATE INDEX attempt_wave_battery ON attempt (wave_id, battery_id, battery_version, id);
                    """)
            try backfillAnswerColumn(db)
        }
        migrator.registerMigration("v3") { db in
            // Paper imports are staged before they are published (see PaperImportStaging): until `state` says
            // 'published', the attempts of an import are invisible to every read (``SQLiteStore/visible(_:)``).
            // `holder` names the process staging it, so that a killed import is told from a running one.
            try db.execute(
                sql: """
                    ALTER TABLE import ADD COLUMN state TEXT NOT NULL DEFAULT 'published';
                    ALTER TABLE import ADD COLUMN holder TEXT;
                    ALTER TABLE import ADD COLUMN alive_at DATETIME;
                    DROP INDEX student_unit;
                    CREATE INDEX student_roster_order ON student (school, grade, class, student_id);
                    """)
            try rebuildAttemptTable(db)
        }
        migrator.registerMigration("roster-listing-index") { db in
            // The roster in listing order with every column a listing reads, from the index alone: reading each
            // student's row from the table instead visits its pages in roster-file order, all over the file.
            try db.execute(
                sql: """
                    DROP INDEX student_roster_order;
                    CREATE INDEX student_roster_order
                        ON student (school, grade, class, student_id, name, gender, status, campus, major, birth_date, dorm);
                    """)
        }
        migrator.registerMigration("v4") { db in
            // Releases over time: anonymized outputs come from a closed wave, and each closing keeps what every
            // student's counted result was, so the next closing can tell which students changed.
            try db.execute(
                sql: """
                    ALTER TABLE wave ADD COLUMN closed_at DATETIME;
                    CREATE TABLE wave_release (
                        wave_id TEXT NOT NULL REFERENCES wave (id),
                        student_id TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        PRIMARY KEY (wave_id, student_id)
                    ) WITHOUT ROWID;
                    -- The disclosure pattern decided (and audited) when the wave was closed, per k: every output
                    -- shows a subset of it.
                    CREATE TABLE wave_pattern (
                        wave_id TEXT NOT NULL REFERENCES wave (id),
                        min_cell INTEGER NOT NULL,
                        pattern TEXT NOT NULL,
                        PRIMARY KEY (wave_id, min_cell)
                    );
                    """)
        }
        migrator.registerMigration("v5") { db in
            // Each result's scale scores in its own row (see ScaleColumn) instead of a row per scale: a sheet is
            // written and read with fewer rows, index searches and foreign-key checks.
            try db.execute(sql: "ALTER TABLE instrument_result ADD COLUMN scales TEXT NOT NULL DEFAULT ''")
            try moveScaleScores(db)
            try db.execute(sql: "DROP TABLE scale_score")
        }
        migrator.registerMigration("v6") { db in
            // A student's attempts across waves (history) are found through `attempt_wave_student`, one wave at a
            // time (``SQLiteStore/history(studentID:)``): one index fewer for every imported sheet to write.
            try db.execute(sql: "DROP INDEX attempt_student")
        }
        migrator.registerMigration("v7") { db in
            // Each attempt's instrument results in its own row (see ResultColumn) instead of a row per instrument:
            // a sheet is one row, with no second table, primary key or key check (on PostgreSQL the largest part
            // of a paper import's cost). Both stores share the layout, so that `db copy` moves it column for column.
            try db.execute(sql: "ALTER TABLE attempt ADD COLUMN results TEXT NOT NULL DEFAULT ''")
            try moveResults(db)
            try db.execute(sql: "DROP TABLE instrument_result")
        }
        migrator.registerMigration("release-digest") { db in
            // The digest of the fingerprints a closing kept, beside its wave: a report compares it with the digest
            // of its own scans instead of reading a million fingerprints back. Waves closed before are filled in
            // now; a wave copied from another store has none until it is closed again (see ReleaseDigest).
            try db.execute(sql: "ALTER TABLE wave ADD COLUMN release_digest TEXT")
            let closed = try String.fetchAll(
                db, sql: "SELECT id FROM wave WHERE EXISTS (SELECT 1 FROM wave_release WHERE wave_id = wave.id)")
            for wave in closed {
                try db.execute(
                    sql: "UPDATE wave SET release_digest = ? WHERE id = ?",
                    arguments: [try ReleaseScan.storedDigest(db, wave: wave).text, wave])
            }
        }
        return migrator
    }

    /// Fills `attempt.results` from the `instrument_result` rows of a database made before v7, each attempt's
    /// results in their order.
    private static func moveResults(_ db: Database) throws {
        let update = try db.makeStatement(sql: "UPDATE attempt SET results = ? WHERE id = ?")
        var attempt: Int64?
        var entries: [ResultColumn.Entry] = []
        func store() throws {
            guard let attempt else { return }
            try update.execute(arguments: [ResultColumn.text(entries), attempt])
        }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT attempt_id, instrument_id, instrument_version, status, flags, crisis, validity, answers, scales
                FROM instrument_result ORDER BY attempt_id, position
                """)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if attempt != id {
                try store()
                attempt = id
                entries = []
            }
            entries.append(
                ResultColumn.Entry(
                    instrumentID: row[1], instrumentVersion: row[2], status: row[3], flags: row[4], crisis: row[5],
                    validity: row[6], answers: row[7], scales: row[8]))
        }
        try store()
    }

    /// Fills `instrument_result.scales` from the `scale_score` rows of a database made before v5, each result's
    /// scales in their order.
    private static func moveScaleScores(_ db: Database) throws {
        let update = try db.makeStatement(
            sql: "UPDATE instrument_result SET scales = ? WHERE attempt_id = ? AND instrument_id = ?")
        var key: (attempt: Int64, instrument: String)?
        var scales: [ScaleScore] = []
        func store() throws {
            guard let key else { return }
            try update.execute(arguments: [ScaleColumn.text(scales), key.attempt, key.instrument])
        }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT attempt_id, instrument_id, scale_id, score, band, answered, item_count, status FROM scale_score
                ORDER BY attempt_id, instrument_id, position
                """)
        while let row = try rows.next() {
            let attempt: Int64 = row[0], instrument: String = row[1]
            if key?.attempt != attempt || key?.instrument != instrument {
                try store()
                key = (attempt, instrument)
                scales = []
            }
            let status: String = row[7]
            scales.append(
                ScaleScore(
                    scaleID: row[2], score: row[3], answered: row[5], itemCount: row[6],
                    status: try StoredValue.decode(status, "scale_score.status"), bandID: row[4]))
        }
        try store()
    }

    /// The attempt table again, with the same columns and rules, written so that SQLite checks them cheaply: a
    /// CHECK of `x IN ('a', 'b', 'c')` builds a temporary table for every row written (a third of an import's
    /// time), `x = 'a' OR x = 'b' OR …` does not. The copy keeps every id and the AUTOINCREMENT counter.
    ///
    /// Indexes for the district-scale reads: every student's attempts in a wave with what the counting rule
    /// reads, from the index alone; a student's attempts across waves (history).
    private static func rebuildAttemptTable(_ db: Database) throws {
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'attempt'")
        try db.execute(
            sql: """
                CREATE TABLE attempt_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    wave_id TEXT NOT NULL REFERENCES wave (id),
                    student_id TEXT NOT NULL REFERENCES student (student_id),
                    battery_id TEXT NOT NULL,
                    battery_version TEXT NOT NULL,
                    source TEXT NOT NULL CHECK (source = 'paper' OR source = 'terminal'),
                    state TEXT NOT NULL CHECK (state = 'in_progress' OR state = 'finished' OR state = 'refused'),
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME,
                    import_id INTEGER REFERENCES import (id),
                    source_line INTEGER,
                    level TEXT NOT NULL DEFAULT 'none' CHECK (level = 'none' OR level = 'yellow' OR level = 'orange' OR level = 'red'),
                    reasons TEXT NOT NULL DEFAULT '',
                    scored INTEGER NOT NULL DEFAULT 0,
                    validity TEXT NOT NULL DEFAULT '',
                    crisis_at DATETIME
                );
                INSERT INTO attempt_v3 (id, wave_id, student_id, battery_id, battery_version, source, state, started_at,
                                        finished_at, import_id, source_line, level, reasons, scored, validity, crisis_at)
                SELECT id, wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at, import_id,
                       source_line, level, reasons, scored, validity, crisis_at
                FROM attempt;
                DROP TABLE attempt;
                ALTER TABLE attempt_v3 RENAME TO attempt;
                CREATE INDEX attempt_wave_student ON attempt (wave_id, student_id, id, state, scored, level, import_id);
                CREATE INDEX attempt_wave_battery ON attempt (wave_id, battery_id, battery_version, id);
                CREATE INDEX attempt_student ON attempt (student_id, id);
                """)
        if let sequence {
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'attempt'", arguments: [sequence])
        }
    }

    /// Fills `instrument_result.answers` from the answer rows of a database made before v2.
    private static func backfillAnswerColumn(_ db: Database) throws {
        let update = try db.makeStatement(
            sql: "UPDATE instrument_result SET answers = ? WHERE attempt_id = ? AND instrument_id = ?")
        var key: (attempt: Int64, instrument: String)?
        var values: [Int?] = []
        func store() throws {
            guard let key else { return }
            try update.execute(arguments: [AnswerColumn.text(values), key.attempt, key.instrument])
        }
        let rows = try Row.fetchCursor(
            db, sql: "SELECT attempt_id, instrument_id, position, value FROM answer ORDER BY attempt_id, instrument_id")
        while let row = try rows.next() {
            let attempt: Int64 = row[0], instrument: String = row[1], position: Int = row[2], value: Int? = row[3]
            if key?.attempt != attempt || key?.instrument != instrument {
                try store()
                key = (attempt, instrument)
                values = []
            }
            guard position >= 0 else { continue }
            if values.count <= position { values += Array(repeating: nil, count: position + 1 - values.count) }
            values[position] = value
        }
        try store()
    }
}
