import Foundation
import PsyScreen
import PsyScreenStore

/// A paper import under way on PostgreSQL (``PaperImportStaging``): sheets are scored as they are added and kept
/// in memory; ``publish()`` stores them all in one transaction (COPY), so nothing is visible before it and an
/// import that dies midway leaves nothing. Two imports of one file into one wave wait for each other there; the
/// second finds the first's and stores nothing.
final class PostgresPaperImportStaging: PaperImportStaging {
    /// One scored sheet.
    struct Sheet {
        var studentID: String
        var line: Int
        /// Per instrument in battery order, each in item order.
        var answers: [[Int?]]
        var outcome: BatteryScorer.Outcome
    }

    private let store: PostgresStore
    let wave: String
    let battery: Battery
    let path: String
    let fileHash: String
    private let scorer: BatteryScorer
    /// By sheet number; nil once dropped.
    private var sheets: [Sheet?] = []

    init(store: PostgresStore, wave: String, battery: Battery, path: String, fileHash: String) {
        self.store = store
        self.wave = wave
        self.battery = battery
        self.path = path
        self.fileHash = fileHash
        scorer = BatteryScorer(battery)
    }

    @discardableResult
    func add(studentID: String, line: Int, answers: [[Int?]]) throws(StoreError) -> Int {
        let outcome: BatteryScorer.Outcome
        do throws(ScoringError) {
            outcome = try scorer.score(inOrder: answers)
        } catch {
            throw StoreError(path: path, .atLine(line, error.localized))
        }
        sheets.append(Sheet(studentID: StudentID.normalize(studentID), line: line, answers: answers, outcome: outcome))
        return sheets.count - 1
    }

    func drop(_ sheet: Int) throws(StoreError) {
        guard sheets.indices.contains(sheet) else { return }
        sheets[sheet] = nil
    }

    func publish() throws(StoreError) -> PaperImportSummary {
        let kept = sheets.compactMap { $0 }
        sheets = []
        return try store.publishPaper(self, sheets: kept)
    }
}
