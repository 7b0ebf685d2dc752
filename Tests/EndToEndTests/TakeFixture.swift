import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport

/// A temporary school database with a roster (S1 张小明 in 2026 1班, then S2… 学生N), and `psyscreen take` run
/// against it in English.
final class TakeFixture {
    static let wave = "2026-autumn"
    static let crisis = Fixtures.catalog.battery("annual")!.crisis.text(in: "en")
    static let closing = Fixtures.catalog.battery("annual")!.closing.text(in: "en")

    let directory: String
    let database: String
    var cli: CLIRunner

    init(students: Int = 3) throws {
        directory = Fixtures.temporaryDirectory("take")
        database = directory + "/school.sqlite"
        let roster = (1...students).map { number in
            Student(
                studentID: "S\(number)", name: number == 1 ? "张小明" : "学生\(number)", school: "一中", grade: "2026",
                className: "\(number % 4 + 1)班", gender: number % 2 == 0 ? "M" : "F", status: .enrolled)
        }
        _ = try SQLiteStore(path: database, user: "teacher").importRoster(roster, source: "roster.csv")
        cli = CLIRunner(currentDirectory: directory)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func arguments(_ extra: [String] = []) -> [String] {
        ["take", "--battery", "annual", "--wave", Self.wave, "--db", database, "--lang", "en"] + extra
    }

    /// Runs `take` with one line per element on stdin, then EOF.
    func take(_ lines: [String], _ extra: [String] = []) throws -> CLIRunner.Output {
        try cli.run(arguments(extra), input: Self.input(lines))
    }

    /// Starts `take` and leaves its stdin open.
    func start(_ extra: [String] = []) throws -> RunningTake {
        RunningTake(try cli.start(arguments(extra)))
    }

    /// Starts `take` with stdout on a pseudo-terminal (`TERM` as given, stderr discarded) and leaves its stdin open.
    func startOnTerminal(_ extra: [String] = [], columns: UInt16 = 80, term: String? = "xterm") throws -> RunningTake {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.executable)
        process.arguments = arguments(extra)
        var environment = cli.environment
        environment["TERM"] = term
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.currentDirectory)
        process.standardInput = Pipe()
        process.standardError = FileHandle.nullDevice
        return try RunningTake(process, terminal: try PseudoTerminal(columns: columns))
    }

    static func input(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

    /// ID, confirmation, consent.
    static func opening(_ id: String = "S1") -> [String] { [id, "y", "y"] }

    static func answers(_ phq9: [Int], _ gad7: [Int]) -> [String] { (phq9 + gad7).map(String.init) }

    /// PHQ-9 answers as stored: one per item in item order, nil for an item not answered yet.
    static func phq9(_ given: [Int?]) -> [Int?] { given + Array(repeating: nil, count: max(0, 9 - given.count)) }

    func store() throws -> SQLiteStore { try SQLiteStore(path: database, user: "test") }

    func latest(_ id: String = "S1") throws -> ScreeningAttempt? {
        try store().latestAttempt(wave: Self.wave, studentID: id)
    }

    /// Answer rows (a skip is a row) of the student's latest attempt.
    func answeredCount(_ id: String = "S1") throws -> Int {
        guard let attempt = try latest(id) else { return 0 }
        return try store().answeredItems(attemptID: attempt.id).count
    }
}
