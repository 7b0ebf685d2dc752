/// What the school database says when it cannot do what was asked: the messages of the store's errors.
package enum StoreMessage: Message, Hashable {
    /// What SQLite said (its words are English).
    case databaseError(SQLiteText)
    case diskFull(SQLiteText)
    /// What SQLite saw (its error, or the first finding of its check).
    case damaged(LocalizedText)
    case cannotReadWithoutShm(path: String)
    case cannotCreate(SystemError)
    case noDatabase
    case cannotOpen(SystemError)
    case notADatabaseFile
    case newerVersion
    case olderVersion
    case waveNameNeeded
    case unknownItem(battery: String, item: String)
    case noStudent(String)
    case noScreeningInWave(student: String, wave: String)
    case followUpNew
    case waveWithoutResults(String, known: [String])
    /// `problems`: the errors of the files that would define the battery or its instruments.
    case unknownBattery(wave: String, battery: String, directory: String, problems: [InputError])
    /// A stored value this version does not know.
    case unknownStoredValue(column: String, text: String)
    /// A paper import of the same file into the same wave is staging in another process.
    case importRunningElsewhere(wave: String, holder: String)
    /// Another process removed this import's staged rows, taking it for abandoned.
    case importStopped
    /// What went wrong with the record at `line` of the file being imported.
    case atLine(Int, LocalizedText)
    /// A program error: the scorer gave another number of scales than the instrument has.
    case scaleCountMismatch(instrument: String, scales: Int)
    /// A terminal sitting this connection did not start or resume (PostgreSQL keeps sittings per connection).
    case attemptNotHere(Int64)
    /// `db copy` into a database that holds rows.
    case notEmpty(tables: [String])
    /// `wave close` or `wave open` of a wave nothing was stored in.
    case noSuchWave(String)
    /// Closing again would show the few students who changed since the last closing: the units that fail.
    case closingWouldShowChanges(wave: String, changed: Int, units: [ChangedUnit], more: Int, k: Int)
    /// Results came in between the check of a closing and its record.
    case changedWhileClosing(String)
    /// Another error, as its type describes it.
    case other(LocalizedText)

    package var english: String {
        switch self {
        case .databaseError(let sqlite): "database error: \(sqlite.english)"
        case .diskFull(let sqlite): "the disk is full: nothing of this command was stored (database error: \(sqlite.english))"
        case .damaged(let detail):
            "the database file is damaged (SQLite: \(detail.english)); this command stopped and changed nothing. "
                + "Run `psyscreen db check`, then restore the latest backup (see the README: Backups)"
        case .cannotReadWithoutShm(let path):
            "cannot read the database: this user may not create \(path)-shm beside it while it has a -wal; run the command as the database's owner, or read a copy made with `psyscreen db backup`"
        case .cannotCreate(let system): "cannot create the database: \(system.english)"
        case .noDatabase:
            "no database here: start one with `psyscreen roster import ROSTER.csv`, or name the school's database with --db PATH or PSYSCREEN_DB"
        case .cannotOpen(let system): "cannot open the database: \(system.english)"
        case .notADatabaseFile: "is not a database file"
        case .newerVersion: "the database was written by a newer psyscreen; use that version"
        case .olderVersion:
            "the database was made by an older psyscreen: open it once as a user who may write it (e.g. `psyscreen db check`) to upgrade it"
        case .waveNameNeeded: "a wave name is needed (e.g. 2026-autumn)"
        case .unknownItem(let battery, let item): "battery '\(battery)' has no item \(item)"
        case .noStudent(let id): "no student '\(id)' on the roster"
        case .noScreeningInWave(let student, let wave): "student '\(student)' has no screening in wave '\(wave)'"
        case .followUpNew: "'new' is where every student starts; record contacted, counseling, referred or closed"
        case .waveWithoutResults(let wave, let known):
            "wave '\(wave)' has no screening results" + (known.isEmpty ? "" : " (known waves: \(known.joined(separator: ", ")))")
        case .unknownBattery(let wave, let battery, let directory, let problems):
            "wave '\(wave)' was scored with battery '\(battery)', which is not in \(directory)"
                + problems.map { "\n" + $0.text(in: .english) }.joined()
        case .unknownStoredValue(let column, let text):
            "\(column) holds '\(text)', which this version of psyscreen does not know (is the database damaged, or from a newer version?)"
        case .importRunningElsewhere(let wave, let holder):
            "this file is being imported into wave \(wave) by another psyscreen (\(holder)); wait for it to finish"
        case .importStopped:
            "the import was stopped: its staged rows were removed by another psyscreen, which took it for abandoned"
        case .atLine(let line, let text): "line \(line): \(text.english)"
        case .scaleCountMismatch(let instrument, let scales): "internal: \(instrument) scored \(scales) scales"
        case .attemptNotHere(let id): "attempt \(id) was not started or resumed here"
        case .notEmpty(let tables): "already holds data (\(tables.joined(separator: ", "))): copy into a new, empty database"
        case .noSuchWave(let wave): "wave '\(wave)' has no screening results"
        case .closingWouldShowChanges(let wave, let changed, let units, let more, let k):
            "cannot close wave '\(wave)' again: \(changed) student(s) changed since it was last closed, and a second release"
                + " would show them: "
                + units.map { "\($0.name.isEmpty ? "the wave" : $0.name): \($0.changed) changed of \($0.size)" }
                .joined(separator: "; ")
                + (more > 0 ? "; and \(more) more units" : "")
                + " (each unit shown needs 0 or at least k = \(k) changed students)"
        case .changedWhileClosing(let wave): "results of wave '\(wave)' changed while it was being closed: close it again"
        case .other(let text): text.english
        }
    }
}
