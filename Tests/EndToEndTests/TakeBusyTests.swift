import Foundation
import GRDB
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport
import XCTest

/// A busy database never costs a student an answer: `take` says it is saving and stores the answer once the lock
/// is released; a real failure keeps the answers in a recovery file that `import` stores.
final class TakeBusyTests: XCTestCase {
    /// Another connection holding the write lock (an import publishing, a backup) until `release` is called: a
    /// `BEGIN IMMEDIATE` transaction kept open on another thread.
    private final class WriteLock: @unchecked Sendable {
        private let taken = DispatchSemaphore(value: 0)
        private let released = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        init(_ database: String) throws {
            var configuration = Configuration()
            configuration.busyMode = .immediateError
            let queue = try DatabaseQueue(path: database, configuration: configuration)
            DispatchQueue.global().async { [taken, released, done] in
                try? queue.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN IMMEDIATE")
                    taken.signal()
                    released.wait()
                    try db.execute(sql: "COMMIT")
                }
                done.signal()
            }
            taken.wait()
        }

        func release() {
            released.signal()
            done.wait()
        }
    }

    func testAnAnswerGivenWhileTheDatabaseIsLockedIsSavedWhenTheLockIsReleased() throws {
        let school = try TakeFixture()
        let running = try school.start()
        running.type(TakeFixture.opening())
        XCTAssertTrue(running.wait { running.stdout.contains("[1/16]") })
        let lock = try WriteLock(school.database)
        running.type(["2"])
        // take waits longer than its busy timeout, says so, and keeps the answer.
        XCTAssertTrue(running.wait { running.stdout.contains("Saving, please wait") }, running.stdout)
        XCTAssertFalse(running.stdout.contains("[2/16]"))
        XCTAssertEqual(try school.answeredCount(), 0)
        lock.release()
        XCTAssertTrue(running.wait { running.stdout.contains("[2/16]") }, running.stdout)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([2]))
        running.type(["1"])
        XCTAssertTrue(running.wait { running.stdout.contains("[3/16]") })
        running.closeInput()
        XCTAssertEqual(running.finish(), 0, running.stdout)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([2, 1]))
        XCTAssertFalse(running.stdout.contains("went wrong"))
    }

    func testATerminalStartedWhileTheDatabaseIsLockedWaitsForIt() throws {
        let school = try TakeFixture()
        let lock = try WriteLock(school.database)
        let running = try school.start()
        running.type(TakeFixture.opening() + ["3"])
        // It waits longer than its busy timeout, says so on stderr, and does not give up.
        let stderr = (running.process.standardError as! Pipe).fileHandleForReading.availableData
        XCTAssertTrue(String(decoding: stderr, as: UTF8.self).contains("busy (an import or a backup is writing); waiting for it"))
        XCTAssertFalse(running.stdout.contains("Your student ID"))
        lock.release()
        XCTAssertTrue(running.wait { running.stdout.contains("[2/16]") }, running.stdout)
        running.closeInput()
        XCTAssertEqual(running.finish(), 0, running.stdout)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([3]))
    }

    /// The busy notices in Chinese: the teacher's line on stderr when a terminal starts under a lock, the
    /// student's "saving" line when an answer waits for one; no English reaches either.
    func testTheBusyNoticesSpeakChinese() throws {
        let school = try TakeFixture()
        let english = EnglishWords(catalog: Fixtures.catalog, data: [TakeFixture.wave, "S1"])
        var lock = try WriteLock(school.database)
        let running = try school.start(["--lang", "zh-Hans"])
        let stderr = String(decoding: (running.process.standardError as! Pipe).fileHandleForReading.availableData, as: UTF8.self)
        XCTAssertTrue(stderr.contains("数据库正忙（正在导入或备份），等待中"), stderr)
        lock.release()
        running.type(TakeFixture.opening())
        XCTAssertTrue(running.wait { running.stdout.contains("[1/16]") }, running.stdout)
        lock = try WriteLock(school.database)
        running.type(["2"])
        XCTAssertTrue(running.wait { running.stdout.contains("正在保存，请稍候") }, running.stdout)
        lock.release()
        XCTAssertTrue(running.wait { running.stdout.contains("[2/16]") }, running.stdout)
        running.closeInput()
        XCTAssertEqual(running.finish(), 0, running.stdout)
        XCTAssertEqual(try school.latest()?.answers["phq9"], TakeFixture.phq9([2]))
        for line in (stderr + "\n" + running.stdout).components(separatedBy: "\n") {
            XCTAssertEqual(english.find(in: line), [], line)
        }
    }

    func testTheRecoveryFileHoldsTheSittingAndImportsAsAPaperSheet() throws {
        let battery = Fixtures.catalog.battery("annual")!
        let answers: [Int?] = [1, 2, nil, 0] + Array(repeating: nil, count: 12)
        let text = RecoverySheet.csv(battery: battery, studentID: "S1", answers: answers)
        XCTAssertEqual(
            text,
            "student_id," + (1...9).map { "phq9_\($0)" }.joined(separator: ",") + ","
                + (1...7).map { "gad7_\($0)" }.joined(separator: ",")
                + "\nS1,1,2,,0" + String(repeating: ",", count: 12) + "\n")
        let school = try TakeFixture()
        let file = school.directory + "/recovery.csv"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try school.cli.run([
            "import", "--db", school.database, "--wave", TakeFixture.wave, "--battery", "annual", file,
        ])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let latest = try XCTUnwrap(school.latest())
        XCTAssertEqual(latest.source, .paper)
        XCTAssertEqual(latest.answers["phq9"], [1, 2, nil, 0, nil, nil, nil, nil, nil])
    }
}
