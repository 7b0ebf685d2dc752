import Foundation
import PostgresNIO
import PsyScreen
import PsyScreenStore

/// What this process knows of a sitting it works on: the answers so far (the terminal scores them itself, since a
/// lab terminal's login may not read them back), and whether a crisis answer was given.
struct TerminalSitting {
    var answers: [String: [Int?]] = [:]
    /// Seconds per `instrument/item`, the latest visit's.
    var seconds: [String: [String: Double]] = [:]
    var crisisGiven = false

    init(battery: Battery) {
        for instrument in battery.instruments { answers[instrument.id] = Array(repeating: nil, count: instrument.items.count) }
    }

    func instrumentSeconds() -> [String: Double] { seconds.mapValues { $0.values.reduce(0, +) } }
    var totalSeconds: Double { seconds.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
}

/// Storage for `psyscreen take`, through the terminal functions (see ``PostgresFunctions``): what a lab terminal's
/// login may do, whoever runs it. Each answer is one committed statement before the next item is shown.
extension PostgresStore {
    /// The student as a terminal may show them (class and masked name), with their latest attempt in `wave` and,
    /// for an unfinished sitting at a terminal, the answers so far.
    package func lookUp(wave: String, studentID: String, battery: Battery) throws(StoreError) -> StudentLookup? {
        let id = StudentID.normalize(studentID)
        let rows = try run("SELECT * FROM psyscreen_terminal_lookup(\(id), \(wave))")
        guard let row = rows.first?.makeRandomAccess() else { return nil }
        do {
            let student = Student(
                studentID: try row["student_id"].decode(String.self), name: try row["masked_name"].decode(String.self),
                school: "", grade: try row["grade"].decode(String.self), className: try row["class"].decode(String.self),
                gender: "",
                status: try StoredValue.decode(try row["status"].decode(String.self), "student.status"))
            guard let attemptID = try row["attempt_id"].decode(Int64?.self) else {
                return StudentLookup(student: student, latestAttempt: nil, answeredItems: [])
            }
            var sitting = TerminalSitting(battery: battery)
            sitting.crisisGiven = try row["crisis_given"].decode(Bool.self)
            var answered: Set<String> = []
            var answers: [String: [Int?]] = [:]
            if let json = try row["answers"].decode(String?.self) {
                for entry in try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]] ?? [] {
                    guard entry.count == 5, let instrument = entry[0] as? String, let item = entry[1] as? String,
                        let position = entry[2] as? Int
                    else { continue }
                    let value = entry[3] as? Int
                    answered.insert("\(instrument)/\(item)")
                    var values = answers[instrument] ?? []
                    if values.count <= position { values += Array(repeating: nil, count: position + 1 - values.count) }
                    values[position] = value
                    answers[instrument] = values
                    if sitting.answers[instrument] != nil, position < sitting.answers[instrument]!.count {
                        sitting.answers[instrument]![position] = value
                    }
                    sitting.seconds[instrument, default: [:]][item] = (entry[4] as? NSNumber)?.doubleValue ?? 0
                }
            }
            let state: AttemptState = try StoredValue.decode(try row["state"].decode(String.self), "attempt.state")
            if state == .inProgress { sittings[attemptID] = sitting }
            let attempt = ScreeningAttempt(
                id: attemptID, wave: wave, studentID: student.studentID, batteryID: try row["battery_id"].decode(String.self),
                batteryVersion: try row["battery_version"].decode(String.self),
                source: try StoredValue.decode(try row["source"].decode(String.self), "attempt.source"), state: state,
                startedAt: try row["started_at"].decode(Date.self), finishedAt: nil, answers: answers, results: [],
                assessment: WarningAssessment(level: .none, reasons: []), validity: [])
            return StudentLookup(student: student, latestAttempt: attempt, answeredItems: answered)
        } catch {
            throw storeError(error)
        }
    }

    /// Starts a terminal attempt once the student has answered the consent question. A refusal is stored as a
    /// finished `refused` attempt (counted apart in coverage).
    package func startTerminalAttempt(
        wave: String, studentID: String, battery: Battery, consented: Bool
    ) throws(StoreError) -> Int64 {
        guard !wave.trimmingCharacters(in: .whitespaces).isEmpty else { throw failure(.waveNameNeeded) }
        let id = StudentID.normalize(studentID)
        let rows = try run(
            """
            SELECT psyscreen_terminal_start(\(wave), \(id), \(battery.id), \(battery.version), \(consented), \(user), \(Self.stored(clock())))
            """)
        do {
            let attemptID = try rows[0].decode(Int64.self)
            if consented { sittings[attemptID] = TerminalSitting(battery: battery) }
            return attemptID
        } catch {
            throw storeError(error)
        }
    }

    /// Stores one answer (`nil` = skipped) with the attempt's new results in one statement, so that a crisis
    /// answer makes the attempt red before the student sees anything else. Returns the new outcome.
    @discardableResult
    package func saveAnswer(
        attemptID: Int64, battery: Battery, instrumentID: String, itemID: String, value: Int?, seconds: Double?
    ) throws(StoreError) -> BatteryScorer.Outcome {
        guard let instrument = battery.instrument(instrumentID),
            let position = instrument.items.firstIndex(where: { $0.id == itemID })
        else {
            throw failure(.unknownItem(battery: battery.id, item: "\(instrumentID)_\(itemID)"))
        }
        guard var sitting = sittings[attemptID] else { throw failure(.attemptNotHere(attemptID)) }
        sitting.answers[instrumentID]?[position] = value
        sitting.seconds[instrumentID, default: [:]][itemID] = seconds ?? 0
        let outcome = try score(sitting, battery: battery, final: false)
        let at = Self.stored(clock())
        try run(
            """
            SELECT psyscreen_terminal_save(\(attemptID), \(instrumentID), \(itemID), \(position)::integer, \(value.map(Int64.init)), \(seconds), \(at),
                \(PostgresOutcome.json(outcome, answers: sitting.answers))::jsonb)
            """)
        sitting.crisisGiven = sitting.crisisGiven || outcome.hasCrisis
        sittings[attemptID] = sitting
        return outcome
    }

    /// Marks the attempt finished and stores its final results, including the battery's time rule.
    @discardableResult
    package func finishAttempt(attemptID: Int64, battery: Battery) throws(StoreError) -> BatteryScorer.Outcome {
        guard let sitting = sittings[attemptID] else { throw failure(.attemptNotHere(attemptID)) }
        let outcome = try score(sitting, battery: battery, final: true)
        try run(
            """
            SELECT psyscreen_terminal_finish(\(attemptID), \(Self.stored(clock())), \(PostgresOutcome.json(outcome, answers: sitting.answers))::jsonb, \(user))
            """)
        sittings[attemptID] = nil
        return outcome
    }

    private func score(_ sitting: TerminalSitting, battery: Battery, final: Bool) throws(StoreError) -> BatteryScorer.Outcome {
        do {
            return try TerminalScoring.outcome(
                BatteryScorer(battery), answers: sitting.answers, instrumentSeconds: sitting.instrumentSeconds(),
                totalSeconds: sitting.totalSeconds, final: final, crisisGivenEarlier: sitting.crisisGiven)
        } catch {
            throw storeError(error)
        }
    }
}
