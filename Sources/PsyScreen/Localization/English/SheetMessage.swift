/// The words of the listings a counselor reads on screen: `show` (an instrument or battery), `instruments`,
/// `history` (a growth file).
package enum SheetMessage: Message, Hashable {
    // show: an instrument.
    case instrumentLine(id: String, version: String, items: Int, languages: [String])
    case options(set: String, [String])
    case itemsHeading
    case reverseKeyed
    case usesOptions(String)
    case scalesHeading
    case scaleLine(id: String, label: String, definition: ScaleDefinition, low: String, high: String)
    case flagsHeading
    case flagLine(id: String, kind: FlagRule.Kind, items: [String], minimum: Int?, maximum: Int?, label: String)
    case validityHeading
    case tooFastRule(seconds: Int)
    case straightLiningRule(scale: String)
    case copyright(String)
    case citation(String)
    case note(String)

    // show: a battery.
    case batteryLine(id: String, version: String, items: Int)
    case instrumentsInOrder
    case instrumentEntry(number: Int, id: String, version: String, title: String, items: Int)
    case consentHeading
    case crisisHeading
    case closingHeading
    case batteryTooFastRule(seconds: Int)
    case policyHeading
    case policyLine(WarningLevel, [WarningReason])

    // instruments: the table's columns.
    case idColumn(battery: Bool)
    case versionColumn
    case itemsColumn
    case partsColumn(battery: Bool)
    case titleColumn

    // history.
    case studentLine(id: String, name: String, school: String, grade: String, className: String, status: EnrollmentStatus)
    case noScreenings
    case waveHeading(String)
    case attemptLine(time: String, source: AttemptSource, state: AttemptState, level: WarningLevel, reasons: [WarningReason])
    case questionable([LocalizedText])
    case instrumentValidity(instrument: String, ValidityFinding)
    case scoreSummary(instrument: String, scale: String, score: String?, band: String?, flags: [String])
    case followUpLine(time: String, status: FollowUpStatus, by: String, note: String?)

    package var english: String {
        switch self {
        case .instrumentLine(let id, let version, let items, let languages):
            "id \(id), version \(version), \(items) items, languages \(languages.joined(separator: ", "))"
        case .options(let set, let options): "Options '\(set)': \(options.joined(separator: " · "))"
        case .itemsHeading: "Items"
        case .reverseKeyed: "reverse-keyed"
        case .usesOptions(let set): "options '\(set)'"
        case .scalesHeading: "Scales"
        case .scaleLine(let id, let label, let definition, let low, let high):
            "\(id) — \(label): \(definition.english), range \(low)–\(high)"
        case .flagsHeading: "Flags"
        case .flagLine(let id, let kind, let items, let minimum, let maximum, let label):
            "\(id) (\(kind.rawValue)): "
                + (items.count == 1 ? "item \(items[0])" : "any of items \(items.joined(separator: " "))")
                + Self.bounds(minimum, maximum, in: " in ") + " — \(label)"
        case .validityHeading: "Validity"
        case .tooFastRule(let seconds): "questionable when answered in under \(seconds) s"
        case .straightLiningRule(let scale): "questionable when every item of scale '\(scale)' has the same answer"
        case .copyright(let text): "Copyright: \(text)"
        case .citation(let text): "Citation: \(text)"
        case .note(let text): "Note: \(text)"
        case .batteryLine(let id, let version, let items): "battery \(id), version \(version), \(items) items"
        case .instrumentsInOrder: "Instruments, in order"
        case .instrumentEntry(let number, let id, let version, let title, let items):
            "\(number). \(id) \(version) — \(title) (\(items) items)"
        case .consentHeading: "Consent"
        case .crisisHeading: "Crisis text (shown at once when a crisis answer is given)"
        case .closingHeading: "Closing"
        case .batteryTooFastRule(let seconds): "Questionable when the whole screening takes under \(seconds) s"
        case .policyHeading: "Warning policy (highest level that applies)"
        case .policyLine(let level, let reasons): "\(level.rawValue): \(reasons.map(\.english).joined(separator: " or "))"
        case .idColumn(let battery): battery ? "battery" : "id"
        case .versionColumn: "version"
        case .itemsColumn: "items"
        case .partsColumn(let battery): battery ? "instruments" : "scales"
        case .titleColumn: "title"
        case .studentLine(let id, let name, let school, let grade, let className, let status):
            "\(id) \(name) — \(school) \(grade) \(className) (\(status.rawValue))"
        case .noScreenings: "No screenings yet."
        case .waveHeading(let wave): "Wave \(wave)"
        case .attemptLine(let time, let source, let state, let level, let reasons):
            "\(time)  \(source.rawValue), \(state.rawValue)  level \(level.rawValue)"
                + (reasons.isEmpty ? "" : " (\(reasons.map(\.english).joined(separator: "; ")))")
        case .questionable(let findings): "questionable: " + findings.map(\.english).joined(separator: "; ")
        case .instrumentValidity(let instrument, let finding): "\(instrument): \(finding.english)"
        case .scoreSummary(let instrument, let scale, let score, let band, let flags):
            "\(instrument).\(scale) \(score ?? "—")\(band.map { " (\($0))" } ?? "")"
                + (flags.isEmpty ? "" : " flags \(flags.joined(separator: ";"))")
        case .followUpLine(let time, let status, let by, let note):
            "\(time)  follow-up: \(status.rawValue) by \(by)\(note.map { " — \($0)" } ?? "")"
        }
    }

    /// `≥ 1`, `≤ 1` or ` in 1–3` after the items of a flag.
    static func bounds(_ minimum: Int?, _ maximum: Int?, in word: String) -> String {
        switch (minimum, maximum) {
        case (let low?, nil): " ≥ \(low)"
        case (nil, let high?): " ≤ \(high)"
        case (let low?, let high?): "\(word)\(low)–\(high)"
        case (nil, nil): ""
        }
    }
}

/// How a scale is computed, as `show` says it.
package enum ScaleDefinition: Message, Hashable {
    case items(Scale.Method, items: [String], minimumAnswered: Int, prorate: Bool)
    case derived(of: String, multiply: String, add: String?)

    package var english: String {
        switch self {
        case .items(let method, let items, let minimum, let prorate):
            "\(method.rawValue) of items \(items.joined(separator: " "))"
                + (minimum < items.count
                    ? "; scored with at least \(minimum) of \(items.count) answered"
                        + (prorate ? ", prorated (rounded half up)" : "")
                    : "; no score if any item is missing")
        case .derived(let of, let multiply, let add): "\(multiply) × \(of)" + (add.map { " + \($0)" } ?? "")
        }
    }
}
