@testable import PsyScreen
import XCTest

/// Every catalogue says each thing in Chinese: a Chinese text, and no English word in it but the ids, codes, option
/// and program names it is meant to carry. Cases the end-to-end tests cannot reach easily (a full disk, a hostile
/// exchange file, a browser that hangs) are listed here, one of each.
final class CatalogueTests: XCTestCase {
    /// What a Chinese message may carry in ASCII: the values passed below (`X1`, `f.csv`), option and command
    /// names, codes a user types, and the names of programs and formats.
    static let allowed: Set<String> = [
        "psyscreen", "sqlite", "libxml", "argument", "parser", "utf", "gb", "csv", "pdf", "html", "xml", "xsd", "json",
        "excel", "wps", "chromium", "apt", "get", "debian", "ubuntu", "doctype", "dtd", "gconv", "glibc", "unicode",
        "instrument", "battery", "id", "path", "dir", "auto", "tab", "new", "contacted", "counseling", "referred",
        "closed", "enrolled", "leave", "internship", "withdrawn", "prorate", "decimals", "multiply", "add", "min", "max",
        "answered", "seconds", "key", "init", "db", "check", "backup", "roster", "import", "validate", "human", "table",
        "chmod", "readme", "ok", "integrity", "sha", "student", "phq", "total", "item", "hans", "zh", "en", "dir",
        "export", "score", "name", "school", "grade", "class", "gender", "major", "status", "mib", "install", "wal", "shm",
        // PostgreSQL: programs, settings, roles.
        "postgresql", "pg", "dump", "createdb", "createuser", "sslmode", "sslrootcert", "connect", "timeout", "tls",
        "pgpassword", "connections", "search", "terminal", "counselor", "admin", "grant", "copy", "url",
    ]

    func testEveryCatalogueSpeaksChinese() {
        let system = [ENOENT, EACCES, ENOSPC, EROFS, EISDIR, EEXIST, EPIPE, EIO].map(SystemError.init)
        let text = LocalizedText(english: "english", chinese: "中文")
        var messages: [any Message] = system
        func add<M: Message>(_ list: [M]) { messages += list.map { $0 as any Message } }
        add([
            FileAction.open, .openForReading, .openForWriting, .read, .readBack, .write, .writeToDisk, .truncate, .replace,
            .createTemporaryFile, .createTemporaryFileIn(directory: "/x"), .setTemporaryPermissions, .createTemporaryFolder,
            .createFolder, .readTemporaryFile, .truncateTemporaryFile,
        ])
        add([
            FileMessage.failed(.write, SystemError(ENOSPC)), .isDirectory, .isDirectoryNotCSV, .isSocket, .changedWhileOpening,
            .alreadyDiscarded, .wouldOverwrite(.database("/x.sqlite")), .sameFile(first: "-o", second: "--errors"),
            .shrankWhileRewritten, .endedEarly, .gb18030Unavailable, .cannotStartBrowser(""), .printingTimedOut(seconds: "9"),
            .printingFailed(status: 1, browserSaid: ""), .cannotWritePageToPrint, .notRegularFile,
            .tooLarge(bytes: 9, limit: 1), .shrankWhileRead,
        ])
        add([
            ProtectedFile.standardInput, .input("/x"), .database("/x"), .databaseCompanion("/x", database: "/y"),
            .pseudonymKey("/k"), .instrument("/i.xml"),
        ])
        add([
            StoreMessage.databaseError(SQLiteText(code: 11, message: "database disk image is malformed")),
            .diskFull(SQLiteText(code: 13, message: "database or disk is full")), .damaged(text),
            .cannotReadWithoutShm(path: "/x"), .cannotCreate(SystemError(EACCES)), .noDatabase, .cannotOpen(SystemError(ENOENT)),
            .notADatabaseFile, .newerVersion, .olderVersion, .waveNameNeeded, .unknownItem(battery: "X1", item: "X1_1"),
            .noStudent("X1"), .noScreeningInWave(student: "X1", wave: "X1"), .followUpNew,
            .waveWithoutResults("X1", known: ["X2"]), .unknownBattery(wave: "X1", battery: "X2", directory: "/x", problems: []),
            .unknownStoredValue(column: "X1", text: "X2"), .importRunningElsewhere(wave: "X1", holder: "X2"), .importStopped,
            .atLine(7, text), .scaleCountMismatch(instrument: "X1", scales: 2), .attemptNotHere(9),
            .notEmpty(tables: ["student"]), .other(text),
        ])
        add([
            ExchangeMessage.notAnExchangeFile, .cannotRead(""), .otherFormat("X1"), .unsupportedVersion(9, supported: 1),
            .cannotReadFile, .noFiles, .otherWave("X1", first: "X2", firstFile: "f.json"), .otherKeys(firstFile: "f.json"),
            .schoolInTwoFiles(school: "X1", otherFile: "f.json"), .unitTwice("X1"), .unknownWithheld(unit: "X1", name: "X2"),
            .wrongLevel("X1"), .unknownGroup("X1"), .unitNeedsSchool(level: "X1", grade: true), .negativeCount(unit: "X1"),
            .statesDoNotAddUp(unit: "X1"), .noLevelCount(unit: "X1", level: "X2"), .levelsDoNotAddUp(unit: "X1"),
            .otherScales(unit: "X1"), .bandNamesDiffer(unit: "X1", scale: "X2"),
            .histogramKey(unit: "X1", scale: "X2", key: "X3"),
            .badStatistics(unit: "X1", scale: "X2", .negativeCount(1)), .countsDisagree(unit: "X1", scale: "X2"),
            .sumsDisagree(unit: "X1", scale: "X2"), .alphaDoesNotFit(unit: "X1", scale: "X2"),
            .notACount(unit: "X1", scale: "X2", maximum: 9),
            .histogramKeyOutside(unit: "X1", scale: "X2", key: 9, range: "0...3"),
            .scaleDecimals(scale: "X1", decimals: 9, limit: 6), .scaleRangeTooLarge(scale: "X1", range: "0...9", limit: 9),
            .scaleNotOfAnyInstrument(scale: "X1"),
        ])
        add([
            PseudonymError.keyFileExists(path: "/k"), .keyFileMissing(path: "/k"), .keyFileTooOpen(path: "/k", mode: 0o644),
            .notARegularFile(path: "/k"), .wrongKeyLength(path: "/k", byteCount: 1), .io(path: "/k", reason: SystemError(EIO)),
            .emptyStudentID,
        ])
        messages += [DisclosureSettingError(requestedK: 2), MergedStatisticsError.impossibleSums(count: 2)]
        add([CohortReportError.unknownBreakdown("X1"), .inconsistentCounts(text), .emptyWave("X1")])
        add([
            RecordMessage.recordTooLong(size: "9 MiB"), .invalidUTF8(truncated: true), .invalidGB18030(detected: true),
            .truncatedGB18030, .utf16, .quoteNeverClosed(field: 2), .emptyFile, .needsStudentID, .headerQuoteNotClosed(column: 2),
            .tooManyFlags(instrument: "phq9", count: 99, maximum: 64), .tooManySums(instrument: "phq9", scale: "total"),
            .emptyRoster, .rosterLacksColumns(["X1"]), .scoreColumnName(column: 1, name: "phq9.total"),
        ])
        add([
            InstrumentMessage.cannotReadSchema(SystemError(ENOENT)), .cannotOpenSchema, .schemaDoesNotCompile,
            .cannotCreateValidationContext, .unexpectedRoot("X1"), .nestedTooDeeply, .documentUnreadable, .doctypeNotAllowed,
            .notWholeNumber(.optionValue(set: "X1"), low: -9, high: 9, value: "X2"),
            .notDecimal(.derivedMultiply(scale: "X1"), low: "-9", high: "9", value: "X2"),
            .tooManyFractionDigits(.bandBound(band: "X1", maximum: true), digits: 6, value: "X2"),
            .scoreTooLarge(scale: "X1", largest: "9", decimals: 6, limit: 9),
            .derivedDecimals(scale: "X1", decimals: 9, base: "X2", limit: 6),
            .fileNotUsed(first: text, more: 2, file: "f.xml"),
        ])
        add([
            CommandMessage.undeclaredOutput("/x"), .cannotCreateFolder("/x", reason: ""),
            .noBrowser(candidates: ["chromium"], variable: "X1"),
            .kioskNeedsTerminal, .extractBesideKey("/k"), .noKey("/k"), .keyCreated("/k"), .exportNotAudited(database: "/x"),
            .auditHandedBack(figures: 2),
            .backedUp(database: "/x", to: "/y", bytes: 9), .kAnonymity(k: 5, KAnonymizer.Summary()),
            .databaseBusyWaiting("/x"), .answersInRecoveryFile(student: "X1", file: "/r.csv", wave: "X2", battery: "X3"),
            .answersNotKept(student: "X1", wave: "X2", battery: "X3", text: "student_id,phq9_1\nX1,2\n"),
            .schemaProblems([text]), .schemaCurrent("/x"), .backupIsPostgres, .rolesOnFile, .rolesNeedServer,
            .sayWhichRole, .copyToItself, .tablesUpToDate("/x"), .migrationsApplied("/x", ["X1"]),
            .rolesReady(["X1"]), .granted(database: "/x", login: "X1", .counselor(school: "X2")),
            .copied(from: "/x", to: "/y", rows: "X1 1"),
        ])
        add([
            PostgresStoreMessage.rootCertificateMissing("/x"), .cannotSetUpTLS("X1"), .severalHosts, .invalidPort("X1"),
            .invalidSSLMode("X1", modes: ["X2"]), .invalidConnectTimeout("X1"), .notAURL, .missingEquals("X1"),
            .unknownParameter("X1", known: ["X2"]), .unclosedBracket, .unexpectedAfterHost("X1"),
            .invalidPercentEncoding("X1"), .serverRefused("X1", detail: "X2", .permission(role: "X3")),
            .serverRefused(nil, detail: nil, .checkPassword), .serverRefused("X1", detail: nil, .createDatabase),
            .serverRefused("X1", detail: nil, .maxConnections), .serverRefused("X1", detail: nil, .hint("X2")),
            .passwordNeeded(user: "X1"), .tlsUnsupported(sslMode: "X1"), .tlsFailed(nil), .tlsFailed("X1"),
            .certificateRejected("X1"), .cannotConnect(nil), .closedWhileConnecting, .connectionLost,
            .databaseError("X1"), .unexpectedValue(column: "X1", type: "X2"), .noDatabase("/x"), .olderSchema,
            .noSchema, .newerSchema(["X1"]), .noRole("X1"),
        ])
        add([
            SessionMessage.storeFailed(text), .skipRefused(allowed: 0, skipped: 0), .skipRefused(allowed: 2, skipped: 2),
            .crisisItemCannotBeSkipped, .dismissPrompt, .saving, .answersKept,
        ])
        add(FormMessage.allForTests)
        add(ReportMessage.allForTests)
        add(ColumnHeading.fixed)
        add(WarningLevel.allCases.map(Term.level) + FollowUpStatus.allCases.map(Term.followUp))
        add([AuditEvent.terminalFinish(attempt: 9, level: .red), .export(.paperForms(wave: "X1"), path: "-", rows: 9)])
        add([ValidityFinding.tooFast(seconds: 9, minimum: 60), .straightLining(scale: "X1")])
        for message in messages {
            let chinese = message.chinese
            XCTAssertTrue(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "not Chinese: \(chinese)")
            // Options (`--encoding`), paths and variables are command syntax, the same in every language.
            let tokens = chinese.split(whereSeparator: { !$0.isASCII || $0 == " " }).filter {
                !$0.hasPrefix("-") && !$0.contains("/") && !$0.hasPrefix("$")
            }
            let words = tokens.flatMap {
                $0.lowercased().split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
            }
            .filter { $0.count >= 2 && !Self.allowed.contains($0) && !$0.hasPrefix("x") }
            XCTAssertEqual(words, [], "English in: \(chinese)")
        }
    }

    func testAnErrorKeepsItsPlaceAndChangesItsWords() {
        let diagnostic = Diagnostic(
            at: SourceLocation(file: "paper.csv", line: 7, column: 13),
            RecordMessage.located(
                line: 7, column: "gad7_1", value: "4", reason: RecordMessage.notAnOption([0, 1, 2, 3]).localized))
        XCTAssertEqual(
            diagnostic.text(in: .english), "paper.csv:7:13: error: column gad7_1: '4' is not one of the options (0, 1, 2, 3)")
        XCTAssertEqual(diagnostic.text(in: .chinese), "paper.csv:7:13: 错误：第 7 行 gad7_1 列：'4' 不是可选答案（0、1、2、3）")
        let library = InputError([
            Diagnostic(at: SourceLocation(file: "a.xml", line: 1), libraryText: "Element 'foo': This element is not expected.")
        ])
        XCTAssertEqual(library.text(in: .english), "a.xml:1: error: Element 'foo': This element is not expected.")
        XCTAssertEqual(
            library.text(in: .chinese),
            "说明：以下部分信息由 XML 校验程序 libxml2 给出，保留英文原文\na.xml:1: 错误：Element 'foo': This element is not expected.")
    }

    func testStoredReasonsReadBack() {
        let conditions: [WarningPolicy.Condition] = [
            .flag(instrument: "phq9", flag: "item9"),
            .bands(instrument: "phq9", scale: "total", bandIDs: ["moderately-severe", "severe"]),
            .score(instrument: "gad7", scale: "total", minimum: 15, maximum: nil),
            .score(instrument: "who5", scale: "percent", minimum: nil, maximum: 28.5),
            .score(instrument: "k10", scale: "total", minimum: -2, maximum: 29),
            .score(instrument: "x", scale: "y", minimum: nil, maximum: nil),
        ]
        for reason in conditions.map(WarningReason.condition) + [.crisisChangedAtTerminal] {
            XCTAssertEqual(WarningReason(code: reason.code), reason, reason.code)
        }
        XCTAssertEqual(WarningReason(code: "something else"), .recorded("something else"))
        XCTAssertEqual(WarningReason.condition(conditions[0]).chinese, "phq9 触发标记 item9")
        XCTAssertEqual(WarningReason.condition(conditions[2]).code, "gad7.total ≥ 15")
        XCTAssertEqual(WarningReason.condition(conditions[2]).chinese, "gad7.total 分数 ≥ 15")
    }

    func testAuditEventsReadBack() {
        let events: [AuditEvent] = [
            .rosterImport(source: "名单.csv", students: 3, added: 1, updated: 1, moved: 1, unchanged: 1),
            .paperImport(path: "a.csv", sha256: "abc", wave: "w", battery: "annual", valid: 2, stored: 1, notOnRoster: 1),
            .followUp(student: "S1", wave: "w", status: .referred), .export(.register(wave: "w"), path: "-", rows: 4),
        ]
        for event in events { XCTAssertEqual(AuditEvent(json: event.json), event, event.json) }
        XCTAssertNil(AuditEvent(json: "roster.csv: 1 students, 1 added"))
        XCTAssertEqual(events[3].english, "warning register of wave w to standard output: 4 rows")
        XCTAssertEqual(events[3].chinese, "筛查批次 w 的预警名册 写入 标准输出：4 行")
    }
}

extension FormMessage {
    static let allForTests: [FormMessage] = [
        .studentID, .name, .className, .date, .wave, .dateSuffix(0), .howToAnswer, .forTheCounselor, .number, .continued,
        .crisisHeading, .blankPage, .copyright("c", titles: ["甲"]), .page(1, of: 2),
    ]
}

extension ReportMessage {
    static let allForTests: [ReportMessage] = [
        .title, .coverageSection, .unit, .enrolled, .screened, .coverage, .mean, .sd, .median, .wholeWave, .hiddenNote,
        .percentNote, .coverageChart, .coverageTarget, .bandChart, .levelChart, .hiddenSegment, .chartsTitle, .tablesTitle,
        .levelLegend,
        .stampTitle, .level(.red), .group(.gender), .stampWave("w"), .stampMinimumCell(10), .stampGenerated("t"),
        .stampMergedFiles(2), .stampInstrument("i"), .stampPolicy("p"),
    ]
}
