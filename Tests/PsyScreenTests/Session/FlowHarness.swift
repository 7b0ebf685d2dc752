import Foundation
import PsyScreen
import PsyScreenTestSupport

/// Drives a ``TerminalFlow`` without a terminal or database: effects are answered from an in-memory roster and
/// attempt, scored with the real ``BatteryScorer``; every output is kept as a plain transcript.
struct FlowHarness {
    static let annual = Fixtures.catalog.battery("annual")!
    static let zhang = Student(
        studentID: "S1", name: "张小明", school: "一中", grade: "2026", className: "1班", gender: "F", status: .enrolled)

    var flow: TerminalFlow
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    /// Everything shown, rendered as through a pipe.
    var transcript = ""
    /// Everything shown since the last `type`/`send`.
    var lastOutputs: [FlowOutput] = []
    var effects: [FlowEffect] = []
    var exitStatus: Int32?
    var roster: [String: StudentLookup] = ["S1": StudentLookup(student: zhang, latestAttempt: nil, answeredItems: [])]
    /// The stored answers, as the store would have them (`.some(nil)` = a skip row).
    var stored: [String: Int?] = [:]
    var storedSeconds: [String: Double] = [:]
    /// The next effect fails with this message.
    var failNextEffect: String?

    init(language: Language = .english, kiosk: Bool = false, retake: Bool = false) {
        flow = TerminalFlow(.init(battery: Self.annual, language: language, kiosk: kiosk, retake: retake))
    }

    mutating func start() { send(.start) }

    /// The student types `line` after `seconds` of thought.
    mutating func type(_ line: String, after seconds: Double = 1) {
        now += seconds
        send(.line(line))
    }

    mutating func type(_ lines: [String], after seconds: Double = 1) {
        for line in lines { type(line, after: seconds) }
    }

    /// ID, confirmation and consent of S1.
    mutating func begin() {
        start()
        type(["S1", "y", "y"])
    }

    mutating func send(_ event: FlowEvent) {
        lastOutputs = []
        var actions = flow.handle(event, now: now)
        while !actions.isEmpty {
            var next: FlowEvent?
            for action in actions {
                switch action {
                case .show(let output):
                    lastOutputs.append(output)
                    transcript += FlowRenderer(clearSequence: "<clear>").render(output)
                case .perform(let effect):
                    effects.append(effect)
                    next = perform(effect)
                case .exit(let status):
                    exitStatus = status
                }
            }
            guard let next else { break }
            actions = flow.handle(next, now: now)
        }
    }

    /// The answers stored for one instrument, in item order (`nil` = skipped or not answered).
    func answers(_ instrumentID: String) -> [Int?] {
        Self.annual.instrument(instrumentID)!.items.map { stored["\(instrumentID)/\($0.id)"] ?? nil }
    }

    var savedEffects: [FlowEffect] {
        effects.filter { if case .saveAnswer = $0 { return true } else { return false } }
    }

    static func attempt(
        state: AttemptState, answers: [String: [Int?]] = [:], source: AttemptSource = .terminal
    ) -> ScreeningAttempt {
        ScreeningAttempt(
            id: 3, wave: "w", studentID: "S1", batteryID: "annual", batteryVersion: "1.0", source: source, state: state,
            startedAt: Date(timeIntervalSince1970: 0), finishedAt: nil, answers: answers, results: [],
            assessment: WarningAssessment(level: .none, reasons: []), validity: [])
    }

    private mutating func perform(_ effect: FlowEffect) -> FlowEvent {
        if let message = failNextEffect {
            failNextEffect = nil
            return .storeFailed(LocalizedText(libraryText: message))
        }
        switch effect {
        case .lookUpStudent(let id):
            return roster[id].map(FlowEvent.studentFound) ?? .studentNotFound
        case .startAttempt:
            return .attemptStarted(7)
        case .saveAnswer(_, let instrumentID, let itemID, let value, let seconds):
            stored["\(instrumentID)/\(itemID)"] = .some(value)
            storedSeconds["\(instrumentID)/\(itemID)"] = seconds
            let answers = Dictionary(uniqueKeysWithValues: Self.annual.instruments.map { ($0.id, self.answers($0.id)) })
            return .answerSaved(try! BatteryScorer(Self.annual).score(answers))
        case .finishAttempt:
            return .attemptFinished
        }
    }
}
