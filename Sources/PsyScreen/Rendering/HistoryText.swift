/// `psyscreen history`: one student's growth file (心理成长档案) as a counselor reads it.
package enum HistoryText {
    package static func render(
        _ student: Student, attempts: [ScreeningAttempt], followUps: [FollowUpStep], language: Language = .english
    ) -> String {
        func say(_ message: SheetMessage) -> String { message.text(in: language) }
        var out =
            say(
                .studentLine(
                    id: student.studentID, name: student.name, school: student.school, grade: student.grade,
                    className: student.className, status: student.status)) + "\n"
        let waves = attempts.map(\.wave).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if waves.isEmpty { out += "\n" + say(.noScreenings) + "\n" }
        for wave in waves {
            out += "\n" + say(.waveHeading(wave)) + "\n"
            for attempt in attempts where attempt.wave == wave {
                let scores = attempt.results.map { result -> String in
                    guard let scale = result.scales.first else { return result.instrumentID }
                    return say(
                        .scoreSummary(
                            instrument: result.instrumentID, scale: scale.scaleID, score: scale.score.map { format($0) },
                            band: scale.bandID, flags: result.flags))
                }
                out +=
                    "  "
                    + say(
                        .attemptLine(
                            time: Timestamp.string(attempt.finishedAt ?? attempt.startedAt), source: attempt.source,
                            state: attempt.state, level: attempt.assessment.level, reasons: attempt.assessment.reasons)) + "\n"
                let validity =
                    attempt.validity.map(\.localized)
                    + attempt.results.flatMap { result in
                        result.validity.map { SheetMessage.instrumentValidity(instrument: result.instrumentID, $0).localized }
                    }
                if !validity.isEmpty { out += "    " + say(.questionable(validity)) + "\n" }
                if !scores.isEmpty { out += "    " + scores.joined(separator: ", ") + "\n" }
            }
            for step in followUps where step.wave == wave {
                out +=
                    "  "
                    + say(
                        .followUpLine(time: Timestamp.string(step.at), status: step.status, by: step.recordedBy, note: step.note))
                    + "\n"
            }
        }
        return out
    }
}
