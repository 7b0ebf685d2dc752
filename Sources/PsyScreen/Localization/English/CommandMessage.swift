/// What the commands themselves say: summaries, warnings, and the errors of the command line.
package enum CommandMessage: Message, Hashable {
    // The command line.
    case ignoredLanguageSetting(String)
    case usageErrorFollows
    case undeclaredOutput(String)
    case unexpected(String)
    case noInstrumentsFolder(variable: String)
    case badEncoding(String)
    case badDelimiter(String)
    case sayWhatToScore
    case batteryAndInstrument
    case errorsToStandardOutput
    case excelIsCSVOnly
    case waveNeedsName
    case idleTimeoutPositive
    case prefilledFormsNeedWave
    case pdfNeedsOutput
    case idBoxes(Int, Int)
    case importNeedsFile
    case keyIsAFile
    case keyOnlyWithDeidentified
    case extractToFile
    case extractBesideKey(String)
    case noKey(String)
    // Releases (`wave close`, `wave open`, and the rule every anonymized output goes through).
    case waveClosed(wave: String, students: Int, changed: Int)
    case waveOpened(String)
    case waveAlreadyClosed(wave: String, k: Int)
    case auditFailedWaveStaysOpen
    case auditHandedBack(figures: Int)
    case auditFailedNothingWritten
    case waveNotClosedWithK(wave: String, k: Int)
    case waveClosedWithOtherKeys(String)
    case waveIsOpen(String)
    case waveChangedSinceClosing(wave: String, students: Int)
    case cannotCreateFolder(String, reason: String)
    case noBrowser(candidates: [String], variable: String)
    case kioskNeedsTerminal
    case noEnrolledStudents(school: String?, grade: String?, className: String?)
    case headersNotForJSON
    case prefilledTemplateNeedsWave
    case prefilledTemplateIsWorkbook
    case csvOptionsOnWorkbook
    case sheetOnCSV(String)
    case workbookOnTerminal

    // Summaries and notices.
    case records(Int)
    case moreProblems(Int, hint: MoreProblemsHint)
    case rosterNotImported(problems: Int)
    case rosterMoved(id: String, from: String, to: String)
    case rosterSummary(
        file: String, students: Int, encoding: LocalizedText, added: Int, updated: Int, unchanged: Int, notInRoster: Int)
    case scoreSummary(ScoreSummary)
    case importSummary(ImportSummary)
    case alreadyImported(file: String, wave: String, at: String)
    case waveHasNoScreenings(String, known: [String])
    case exportNotAudited(database: String)
    case studentsWritten(Int, to: String)
    case formsWritten(output: String?, forms: Int, battery: String, language: String, pages: Int)
    case followUpRecorded(student: String, wave: String, status: FollowUpStatus, at: String, by: String)
    case databaseDamaged([LocalizedText])
    case databaseSound(String)
    case backedUp(database: String, to: String, bytes: Int64?)
    case keyCreated(String)
    case kAnonymity(k: Int, KAnonymizer.Summary)
    case valid(String)
    case rollupHeading
    case workbookWritten(output: String?, battery: String, language: String, students: Int?)

    // The database: PostgreSQL, roles, copies.
    case schemaProblems([LocalizedText])
    case schemaCurrent(String)
    case backupIsPostgres
    case rolesOnFile
    case rolesNeedServer
    case sayWhichRole
    case copyToItself
    case tablesUpToDate(String)
    case migrationsApplied(String, [String])
    case rolesReady([String])
    case granted(database: String, login: String, GrantedRole)
    /// `rows`: `table count` pairs, as numbers and table names (the same in every language).
    case copied(from: String, to: String, rows: String)

    // The lab terminal, for the teacher (standard error).
    case databaseBusyWaiting(String)
    /// A student's answers that the database could not store, kept in a recovery file to import.
    case answersInRecoveryFile(student: String, file: String, wave: String, battery: String)
    /// As above, but not even the recovery file could be written: its text follows the message.
    case answersNotKept(student: String, wave: String, battery: String, text: String)

    package var english: String {
        switch self {
        case .ignoredLanguageSetting(let value): "PSYSCREEN_LANG is '\(value)', which is neither zh-Hans nor en: ignored"
        case .usageErrorFollows: ""
        case .undeclaredOutput(let path): "internal: output \(path) was not declared in the command's files"
        case .unexpected(let description): description
        case .noInstrumentsFolder(let variable): "cannot find the instruments folder: pass --instruments DIR or set \(variable)"
        case .badEncoding(let value): "--encoding must be auto, utf-8 or gb18030, not '\(value)'"
        case .badDelimiter(let value): "--delimiter must be auto, ',', ';' or tab, not '\(value)'"
        case .sayWhatToScore: "say what to score: --battery ID or --instrument ID (repeatable)"
        case .batteryAndInstrument: "--battery and --instrument cannot be combined"
        case .errorsToStandardOutput: "--errors - would mix the report into the rows on standard output; name a file"
        case .excelIsCSVOnly: "--excel applies to CSV output only"
        case .waveNeedsName: "--wave needs a name, e.g. 2026-autumn"
        case .idleTimeoutPositive: "--idle-timeout must be a positive number of seconds"
        case .prefilledFormsNeedWave:
            "pre-filled forms need --wave (the screening they are for); without --db and --wave the form is blank"
        case .pdfNeedsOutput: "--format pdf needs -o FILE"
        case .idBoxes(let low, let high): "--id-boxes must be between \(low) and \(high)"
        case .importNeedsFile: "import needs a file, not standard input: its hash recognises it when imported again"
        case .keyIsAFile: "the key is a file (--key PATH), never standard output"
        case .keyOnlyWithDeidentified: "--key is only used with --deidentified"
        case .extractToFile: "the de-identified extract is written to a file (-o FILE), never to standard output"
        case .extractBesideKey(let key):
            "the extract would be written beside the pseudonym key (\(key)); keep the key apart from exports"
        case .noKey(let key):
            "no pseudonym key at \(key): create one with `psyscreen key init` (or pass --key PATH); refusing to write an extract without one"
        case .waveClosed(let wave, let students, let changed):
            "closed wave \(wave): \(students) roster students, \(changed) changed since the last closing"
        case .waveOpened(let wave): "opened wave \(wave)"
        case .waveAlreadyClosed(let wave, let k):
            "wave \(wave) is already closed with k = \(k) and unchanged since: nothing to do (to decide its pattern again, open it first)"
        case .auditFailedWaveStaysOpen: "the audit found counts a reader can narrow; the wave stays open"
        case .auditHandedBack(let figures):
            "the audit could not prove every count protected: \(figures) more figure(s) withdrawn, then proved"
        case .auditFailedNothingWritten: "the audit found counts a reader can narrow; nothing written"
        case .waveNotClosedWithK(let wave, let k):
            "wave '\(wave)' was not closed with k = \(k): open it and close it with --min-cell \(k), or use --draft"
        case .waveClosedWithOtherKeys(let wave):
            "wave '\(wave)' was closed with other instruments or scoring keys: open it and close it again"
        case .waveIsOpen(let wave):
            "wave '\(wave)' is open: close it first (`psyscreen wave close \(wave)`), or write an owner-only draft with --draft"
        case .waveChangedSinceClosing(let wave, let students):
            "wave '\(wave)' changed since it was closed (\(students) student(s)): open and close it again (`psyscreen wave open \(wave)`, `psyscreen wave close \(wave)`), or use --draft"
        case .cannotCreateFolder(let folder, let reason): "cannot create \(folder): \(reason)"
        case .noBrowser(let candidates, let variable):
            "cannot make a PDF: no Chromium-family browser found (looked for \(candidates.joined(separator: ", ")) on PATH and $\(variable)); write HTML instead (--format html) and print it from a browser, or install one (Debian/Ubuntu: apt-get install chromium)"
        case .kioskNeedsTerminal:
            "--kiosk needs a terminal on standard output: between students it clears the screen and its scrollback, which a pipe or a file cannot do"
        case .noEnrolledStudents(let school, let grade, let className):
            "no enrolled students"
                + Self.scope(
                    [school.map { "school \($0)" }, grade.map { "grade \($0)" }, className.map { "class \($0)" }], in: " in ",
                    ", ")
                + " on the roster"
        case .headersNotForJSON: "--headers human is for csv and table; JSON keeps its keys"
        case .records(let count): "\(count) records"
        case .moreProblems(let count, let hint): "\(count) more problem\(count == 1 ? "" : "s") not shown; \(hint.english)"
        case .rosterNotImported(let count): "the roster was not imported (\(count) problem\(count == 1 ? "" : "s"))"
        case .rosterMoved(let id, let from, let to): "moved \(id): \(from) → \(to)"
        case .rosterSummary(let file, let students, let encoding, let added, let updated, let unchanged, let notInRoster):
            "\(file): \(students) students (\(encoding.english)); \(added) added, \(updated) updated, \(unchanged) unchanged"
                + (notInRoster > 0 ? "; \(notInRoster) on file but not in this roster (kept)" : "")
        case .scoreSummary(let summary): summary.english
        case .importSummary(let summary): summary.english
        case .alreadyImported(let file, let wave, let at): "\(file): already imported into wave \(wave) on \(at); nothing changed"
        case .waveHasNoScreenings(let wave, let known):
            "wave '\(wave)' has no screenings yet (known: \(known.joined(separator: ", ")))"
        case .exportNotAudited(let database): "\(database) is read-only for this user: this export is not in the audit trail"
        case .studentsWritten(let count, let output): "\(count) students written to \(output)"
        case .formsWritten(let output, let forms, let battery, let language, let pages):
            "\(output ?? "standard output"): \(forms) form\(forms == 1 ? "" : "s") of battery \(battery) (\(language)), "
                + (forms == 1 ? "\(pages) pages" : "\(pages) pages each, \(forms * pages) in all")
        case .followUpRecorded(let student, let wave, let status, let at, let by):
            "\(student) in wave \(wave): \(status.rawValue) at \(at) by \(by)"
        case .databaseDamaged(let problems):
            "the database file is damaged; restore the latest backup (see the README: Backups). SQLite found:\n"
                + problems.map(\.english).joined(separator: "\n")
        case .databaseSound(let path): "\(path): ok (SQLite integrity_check)"
        case .backedUp(let database, let file, let bytes):
            "\(database): backed up to \(file)\(bytes.map { " (\($0) bytes)" } ?? "")"
        case .keyCreated(let path): "created pseudonym key \(path) (mode 0600); back it up and keep it away from exports"
        case .kAnonymity(let k, let summary): "k-anonymity (k = \(k)) on school, grade, gender: \(summary.english)"
        case .valid(let file): "\(file): valid"
        case .rollupHeading: "Counts by class, grade and school"
        case .prefilledTemplateNeedsWave: "a pre-filled template needs --wave (the screening it is for)"
        case .prefilledTemplateIsWorkbook: "a pre-filled template is a workbook: add --format xlsx (or name the output *.xlsx)"
        case .csvOptionsOnWorkbook: "--encoding and --delimiter are for CSV files; this is an Excel workbook"
        case .sheetOnCSV(let sheet): "--sheet \(sheet) is for Excel workbooks; this file is read as CSV"
        case .workbookOnTerminal: "a workbook is a binary file: name it with -o FILE.xlsx"
        case .workbookWritten(let output, let battery, let language, let students):
            "\(output ?? "standard output"): data-entry workbook of battery \(battery) (\(language))"
                + (students.map { ", pre-filled with \($0) student\($0 == 1 ? "" : "s")" } ?? "")
        case .schemaProblems(let problems): problems.map(\.english).joined(separator: "\n")
        case .schemaCurrent(let path): "\(path): ok (schema current)"
        case .backupIsPostgres:
            "a PostgreSQL database is backed up with the server's tools: pg_dump --format=custom --file=FILE DBNAME (see docs/lab-and-district.md); `psyscreen db copy --to FILE.sqlite` makes a SQLite copy"
        case .rolesOnFile:
            "roles are PostgreSQL's: a SQLite file is protected by its mode (0600) and whoever may log in to this machine"
        case .rolesNeedServer: "roles are PostgreSQL's: `--db postgresql://…` names the server's database"
        case .sayWhichRole: "say which role: --terminal, --counselor SCHOOL or --admin"
        case .copyToItself: "--from and --to name the same database"
        case .tablesUpToDate(let database): "\(database): tables up to date"
        case .migrationsApplied(let database, let applied): "\(database): applied \(applied.joined(separator: ", "))"
        case .rolesReady(let roles):
            "roles \(roles.joined(separator: ", ")) ready: give each login its role with `psyscreen db grant LOGIN --terminal | --counselor SCHOOL | --admin`"
        case .granted(let database, let login, let role): "\(database): \(login) is now \(role.english)"
        case .copied(let from, let to, let rows): "\(from) → \(to): \(rows)"
        case .databaseBusyWaiting(let database): "\(database): busy (an import or a backup is writing); waiting for it…"
        case .answersInRecoveryFile(let student, let file, let wave, let battery):
            "\(student)'s answers were not stored; they are in \(file): import it with `psyscreen import --wave \(wave) --battery \(battery) \(file)` once the database works"
        case .answersNotKept(let student, let wave, let battery, let text):
            "\(student)'s answers were not stored, and no recovery file could be written; keep these lines as a CSV file and import it with `psyscreen import --wave \(wave) --battery \(battery) FILE`:\n\(text)"
        }
    }

    /// ` in school A, class B`: the parts that are there, after `word`.
    static func scope(_ parts: [String?], in word: String, _ separator: String) -> String {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? "" : word + present.joined(separator: separator)
    }
}

/// A role `db grant` gave a login.
package enum GrantedRole: Message, Hashable {
    case terminal
    case counselor(school: String)
    case admin

    package var english: String {
        switch self {
        case .terminal: "psyscreen_terminal"
        case .counselor(let school): "psyscreen_counselor of \(school)"
        case .admin: "psyscreen_admin"
        }
    }

    package var chinese: String {
        switch self {
        case .terminal: "psyscreen_terminal（机房终端）"
        case .counselor(let school): "psyscreen_counselor（\(school) 的心理老师）"
        case .admin: "psyscreen_admin（管理员）"
        }
    }
}

/// What a progress bar counts.
package enum ProgressLabel: Message, Hashable {
    case scoring

    package var english: String { "scoring" }
}

/// What to do to see the problems a terminal was not shown.
package enum MoreProblemsHint: Message, Hashable {
    case writeAllWithErrors
    case fixAndImportAgain

    package var english: String {
        switch self {
        case .writeAllWithErrors: "write them all with --errors FILE"
        case .fixAndImportAgain: "fix these and import again to see the rest"
        }
    }
}
