import Foundation
import PsyScreen

extension ScreeningStore {
    /// The rows of a de-identified extract of `wave`: the cohort (enrolled students whose latest attempt is
    /// scored), each under the pseudonym of their ID, with the level the register shows (red sticks).
    package func deidentifiedRows(
        wave: String, columns: [CohortColumn], key: PseudonymKey
    ) throws(StoreError) -> [DeidentifiedRow] {
        let screenings = try self.screenings(wave: wave)
        var rows: [DeidentifiedRow] = []
        for screening in screenings where screening.student.status == .enrolled && screening.state == .screened {
            guard let attempt = screening.attempt else { continue }
            let pseudonym: String
            do {
                pseudonym = try key.pseudonym(for: screening.student.studentID)
            } catch {
                throw StoreError(path: path, .other(error.localized))
            }
            var scores: [String] = []
            var bands: [String] = []
            for column in columns {
                let score = attempt.result(column.instrumentID)?.scale(column.scaleID)
                scores.append(score?.score.map { ScoreFormat.string($0, decimals: column.decimals) } ?? "")
                bands.append(score?.bandID ?? "")
            }
            let student = screening.student
            rows.append(
                DeidentifiedRow(
                    pseudonym: pseudonym,
                    identifiers: QuasiIdentifiers(school: student.school, grade: student.grade, gender: student.gender),
                    scores: scores, bands: bands, level: screening.level))
        }
        return rows
    }
}
