import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// The anonymized side: what a cohort report is counted from. An administrator's login reads no table with a
/// name or an ID: the roster comes through `psyscreen_roster_states`, the scores and answers from the columns of
/// `scale_score` and `instrument_result` it is granted (keyed by attempt, identifying nobody).
extension PostgresStore {
    /// The batteries (id, version) whose attempts are stored in `wave`, most used first.
    package func batteries(inWave wave: String) throws(StoreError) -> [(id: String, version: String)] {
        var batteries: [(id: String, version: String)] = []
        try forEachRow("SELECT battery_id, battery_version FROM psyscreen_wave_batteries(\(wave))") { row in
            let (id, version) = try row.decode((String, String).self)
            batteries.append((id, version))
        }
        return batteries
    }

    /// Counts every roster student of `wave` into the cohort tables of a report over `columns`, in three streaming
    /// scans read from the bytes the server sends: the roster with each student's counting attempt, then the scores
    /// and the answers of the attempts in the range those span (a student's position in flat arrays, no value per
    /// attempt built). All three in one snapshot.
    package func cohortTables(wave: String, columns: [CohortColumn]) throws(StoreError) -> CohortTables {
        var cohort = PostgresCohort(columns: columns)
        try transaction(snapshot: true) {
            try link.forEachRow("SELECT school, grade, class, gender, major, status, attempt_id, state, scored, level, red_id FROM psyscreen_roster_states(\(wave))") {
                try cohort.addStudent($0)
            }
            guard let range = cohort.attemptRange else { return }
            try link.forEachRow("""
                SELECT attempt_id, instrument_id, scale_id, score, band FROM scale_score
                WHERE attempt_id BETWEEN \(range.lowerBound) AND \(range.upperBound) AND score IS NOT NULL
                """) { cohort.addScore($0) }
            guard cohort.needsAnswers else { return }
            try link.forEachRow("""
                SELECT attempt_id, instrument_id, answers FROM instrument_result
                WHERE attempt_id BETWEEN \(range.lowerBound) AND \(range.upperBound)
                """) { cohort.addAnswers($0) }
        }
        return cohort.tables()
    }
}
