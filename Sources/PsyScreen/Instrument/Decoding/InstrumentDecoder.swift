import Foundation

/// Turns a schema-valid `<instrument>` element into an ``Instrument`` and checks what the XSD cannot:
/// cross-references, unique ids, band coverage, missing translations.
///
/// Tolerant of structural errors (the XSD reports those): a missing attribute is skipped, not reported twice.
struct InstrumentDecoder {
    private var context: DecodingContext
    private let root: XMLElementValue
    /// Response sets with an option whose value was rejected.
    private var incompleteResponseSets: Set<String> = []

    init(root: XMLElementValue, file: String) {
        self.root = root
        self.context = DecodingContext(file: file)
    }

    /// Lines where a number was reported bad, and how the schema's message about it starts.
    var numberErrors: [(line: Int, schemaSays: String)] { context.numberErrors }

    /// The instrument, or the problems found in it.
    mutating func decode() -> Result<Instrument, InputError> {
        let id = root.attribute("id") ?? ""
        let title = context.text("title", of: root, what: .title)
        let instructions = context.text("instructions", of: root, what: .instructions)
        let responseSets = decodeResponseSets()
        let items = decodeItems(responseSets)
        // A set with a rejected option has no trustworthy range: checks built on it would only add noise.
        let complete = responseSets.filter { !incompleteResponseSets.contains($0.id) }
        let scales = ScaleDecoder(items: items, responseSets: complete).decode(root, &context)
        let flags = decodeFlags(items, complete)
        let validity = decodeValidity(items, scales)
        context.checkTranslations()
        if !context.diagnostics.isEmpty { return .failure(InputError(context.diagnostics)) }
        return .success(
            Instrument(
                id: id, version: root.attribute("version") ?? "", title: title, instructions: instructions,
                copyright: TextNormalizer.normalize(root.children(named: "copyright").first?.text ?? ""),
                citations: root.children(named: "citation").map { TextNormalizer.normalize($0.text) },
                notes: root.children(named: "note").map { TextNormalizer.normalize($0.text) },
                responseSets: responseSets, items: items, scales: scales, flags: flags, validity: validity,
                source: context.file))
    }

    private mutating func decodeResponseSets() -> [ResponseSet] {
        let elements = root.children(named: "responses")
        context.checkUnique(elements, kind: .responseSet)
        return elements.map { element in
            let id = element.attribute("id") ?? ""
            var options: [ResponseSet.Option] = []
            var seen: [Int: Int] = [:]
            for option in element.children(named: "option") {
                guard
                    let value = context.integer(
                        option, "value", in: InstrumentLimits.optionValues, what: .optionValue(set: id))
                else {
                    incompleteResponseSets.insert(id)
                    continue
                }
                if let first = seen[value] {
                    context.error(option.line, .responseSetValueTwice(set: id, value: value, firstLine: first))
                }
                seen[value] = option.line
                let label = context.text("label", of: option, what: .optionLabel(value: value, set: id))
                options.append(.init(value: value, label: label))
            }
            return ResponseSet(id: id, options: options)
        }
    }

    private mutating func decodeItems(_ responseSets: [ResponseSet]) -> [Item] {
        let elements = root.children(named: "item")
        context.checkUnique(elements, kind: .item)
        if elements.count > InstrumentLimits.items {
            context.error(
                elements[InstrumentLimits.items].line,
                .tooManyItems(limit: InstrumentLimits.items, count: elements.count))
        }
        return elements.map { element in
            let id = element.attribute("id") ?? ""
            let responses = element.attribute("responses") ?? ""
            if !responseSets.contains(where: { $0.id == responses }) {
                context.error(element.line, .unknownResponseSet(item: id, set: responses))
            }
            let reversed = element.attribute("reverse").map { $0 == "true" || $0 == "1" } ?? false
            return Item(
                id: id, text: context.text("text", of: element, what: .itemText(id)),
                responseSetID: responses, isReversed: reversed)
        }
    }

    private mutating func decodeFlags(_ items: [Item], _ responseSets: [ResponseSet]) -> [FlagRule] {
        let elements = root.children(named: "flag")
        context.checkUnique(elements, kind: .flag)
        return elements.compactMap { element in
            let id = element.attribute("id") ?? ""
            let itemIDs = context.idList(element.attribute("items"))
            let minimum = context.integer(
                element, "min", in: InstrumentLimits.optionValues, what: .flagBound(flag: id, maximum: false))
            let maximum = context.integer(
                element, "max", in: InstrumentLimits.optionValues, what: .flagBound(flag: id, maximum: true))
            let label = context.text("label", of: element, what: .flagLabel(id))
            if element.attribute("min") == nil && element.attribute("max") == nil {
                context.error(element.line, .flagNeedsCondition(flag: id))
            }
            for itemID in itemIDs {
                guard let item = items.first(where: { $0.id == itemID }) else {
                    context.error(element.line, .flagUnknownItem(flag: id, item: itemID))
                    continue
                }
                let values = responseSets.first { $0.id == item.responseSetID }?.values ?? []
                let low = minimum ?? Int.min
                let high = maximum ?? Int.max
                if !values.isEmpty && !values.contains(where: { $0 >= low && $0 <= high }) {
                    context.error(element.line, .flagNeverRaised(flag: id, item: itemID))
                }
            }
            guard let kind = element.attribute("kind").flatMap(FlagRule.Kind.init(rawValue:)) else { return nil }
            return FlagRule(
                id: id, kind: kind, label: label, itemIDs: itemIDs, minimum: minimum ?? Int.min,
                maximum: maximum ?? Int.max)
        }
    }

    private mutating func decodeValidity(_ items: [Item], _ scales: [Scale]) -> ValidityRules {
        guard let element = root.children(named: "validity").first else { return ValidityRules() }
        let seconds = element.children(named: "min-seconds").first.flatMap {
            context.integer($0, in: InstrumentLimits.seconds, what: .minSeconds)
        }
        var straightLining: [String] = []
        for rule in element.children(named: "straight-lining") {
            let scaleID = rule.attribute("scale") ?? ""
            guard let scale = scales.first(where: { $0.id == scaleID }) else {
                context.error(rule.line, .straightLiningUnknownScale(scaleID))
                continue
            }
            guard case .items(_, let itemIDs, _, _) = scale.definition,
                items.contains(where: { itemIDs.contains($0.id) && $0.isReversed })
            else {
                context.error(rule.line, .straightLiningNeedsReversedItems(scale: scaleID))
                continue
            }
            straightLining.append(scaleID)
        }
        return ValidityRules(minimumSeconds: seconds, straightLiningScales: straightLining)
    }
}
