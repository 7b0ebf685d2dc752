import Foundation

/// Turns a schema-valid `<battery>` element into a ``Battery``, resolving its instruments by id and checking that
/// every policy condition names a flag, scale or band that exists, and that every crisis flag leads to red.
struct BatteryDecoder {
    private var context: DecodingContext
    private let root: XMLElementValue
    private let lookup: (String) -> Instrument?
    private let unusable: (String) -> String?
    /// Instruments named by the battery whose files have errors: the policy's conditions on them are not checked.
    private var broken: Set<String> = []

    init(
        root: XMLElementValue, file: String, lookup: @escaping (String) -> Instrument?,
        unusable: @escaping (String) -> String? = { _ in nil }
    ) {
        self.root = root
        self.context = DecodingContext(file: file)
        self.lookup = lookup
        self.unusable = unusable
    }

    mutating func decode() -> Result<Battery, InputError> {
        let title = context.text("title", of: root, what: .title)
        var instruments: [Instrument] = []
        for reference in root.children(named: "instrument") {
            let id = reference.attribute("ref") ?? ""
            if instruments.contains(where: { $0.id == id }) {
                context.error(reference.line, .instrumentListedTwice(id))
            } else if let instrument = lookup(id) {
                instruments.append(instrument)
            } else if let file = unusable(id) {
                broken.insert(id)
                context.error(reference.line, .instrumentUnusable(id, file: file))
            } else {
                context.error(reference.line, .unknownInstrument(id))
            }
        }
        let consent = context.text("consent", of: root, what: .consent)
        let closing = context.text("closing", of: root, what: .closing)
        let crisis = context.text("crisis", of: root, what: .crisis)
        let seconds = root.children(named: "validity").first?.children(named: "min-seconds").first.flatMap {
            context.integer($0, in: InstrumentLimits.seconds, what: .minSeconds)
        }
        let policy = decodePolicy(instruments)
        context.checkTranslations()
        if !context.diagnostics.isEmpty { return .failure(InputError(context.diagnostics)) }
        return .success(
            Battery(
                id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", title: title,
                instruments: instruments, consent: consent, closing: closing, crisis: crisis, minimumSeconds: seconds,
                policy: policy, source: context.file))
    }

    private mutating func decodePolicy(_ instruments: [Instrument]) -> WarningPolicy {
        var conditions: [WarningLevel: [WarningPolicy.Condition]] = [:]
        guard let policy = root.children(named: "policy").first else { return WarningPolicy(conditions: [:]) }
        for level in [WarningLevel.red, .orange, .yellow] {
            for element in policy.children(named: level.rawValue).flatMap(\.children) {
                if let condition = decodeCondition(element, instruments) {
                    conditions[level, default: []].append(condition)
                }
            }
        }
        // A crisis answer must never end up below red because a policy file forgot it.
        let red = conditions[.red] ?? []
        for instrument in instruments {
            for flag in instrument.crisisFlags {
                if !red.contains(.flag(instrument: instrument.id, flag: flag.id)) {
                    context.error(policy.line, .crisisFlagMustBeRed(flag: flag.id, instrument: instrument.id))
                }
            }
        }
        return WarningPolicy(conditions: conditions)
    }

    private mutating func decodeCondition(
        _ element: XMLElementValue, _ instruments: [Instrument]
    ) -> WarningPolicy.Condition? {
        let instrumentID = element.attribute("instrument") ?? ""
        if broken.contains(instrumentID) { return nil }
        guard let instrument = instruments.first(where: { $0.id == instrumentID }) else {
            context.error(element.line, .policyInstrumentNotInBattery(instrumentID))
            return nil
        }
        switch element.name {
        case "flag":
            let id = element.attribute("id") ?? ""
            guard instrument.flag(id) != nil else {
                context.error(element.line, .policyUnknownFlag(instrument: instrumentID, flag: id))
                return nil
            }
            return .flag(instrument: instrumentID, flag: id)
        case "band":
            guard let scale = scale(element, of: instrument) else { return nil }
            let ids = context.idList(element.attribute("ids"))
            var known = true
            for id in ids where !scale.bands.contains(where: { $0.id == id }) {
                context.error(element.line, .policyUnknownBand(scale: "\(instrumentID).\(scale.id)", band: id))
                known = false
            }
            return known ? .bands(instrument: instrumentID, scale: scale.id, bandIDs: ids) : nil
        case "score":
            guard let scale = scale(element, of: instrument) else { return nil }
            let limit = InstrumentLimits.scoreBound
            let minimum = context.decimal(element, "min", limit: limit, what: .scoreConditionBound(maximum: false))
            let maximum = context.decimal(element, "max", limit: limit, what: .scoreConditionBound(maximum: true))
            if element.attribute("min") == nil && element.attribute("max") == nil {
                context.error(element.line, .scoreConditionNeedsBounds)
                return nil
            }
            return .score(instrument: instrumentID, scale: scale.id, minimum: minimum, maximum: maximum)
        default:
            return nil
        }
    }

    private mutating func scale(_ element: XMLElementValue, of instrument: Instrument) -> Scale? {
        let id = element.attribute("scale") ?? ""
        guard let scale = instrument.scale(id) else {
            context.error(element.line, .policyUnknownScale(instrument: instrument.id, scale: id))
            return nil
        }
        return scale
    }
}
