/// `psyscreen history`: one student's growth file as a counselor reads it.
package enum HistoryText {
    package static func render(_ student: Student, attempts: [ScreeningAttempt], followUps: [FollowUpStep]) -> String {
        var out =
            "\(student.studentID) \(student.name) — \(student.school) \(student.grade) \(student.className) (\(student.status.rawValue))\n"
        let waves = attempts.map(\.wave).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if waves.isEmpty { out += "\nNo screenings yet.\n" }
        for wave in waves {
            out += "\nWave \(wave)\n"
            for attempt in attempts where attempt.wave == wave {
                let scores = attempt.results.map { result -> String in
                    let main =
                        result.scales.first.map { scale in
                            "\(result.instrumentID).\(scale.scaleID) \(scale.score.map { format($0) } ?? "—")\(scale.bandID.map { " (\($0))" } ?? "")"
                        } ?? result.instrumentID
                    return result.flags.isEmpty ? main : main + " flags \(result.flags.joined(separator: ";"))"
                }
                out +=
                    "  \(Timestamp.string(attempt.finishedAt ?? attempt.startedAt))  \(attempt.source.rawValue), \(attempt.state.rawValue)  level \(attempt.assessment.level.rawValue)"
                if !attempt.assessment.reasons.isEmpty { out += " (\(attempt.assessment.reasons.joined(separator: "; ")))" }
                out += "\n"
                let validity =
                    attempt.validity.map(\.description)
                    + attempt.results.flatMap { result in result.validity.map { "\(result.instrumentID): \($0.description)" } }
                if !validity.isEmpty { out += "    questionable: " + validity.joined(separator: "; ") + "\n" }
                if !scores.isEmpty { out += "    " + scores.joined(separator: ", ") + "\n" }
            }
            for step in followUps where step.wave == wave {
                out +=
                    "  \(Timestamp.string(step.at))  follow-up: \(step.status.rawValue) by \(step.recordedBy)\(step.note.map { " — \($0)" } ?? "")\n"
            }
        }
        return out
    }
}
