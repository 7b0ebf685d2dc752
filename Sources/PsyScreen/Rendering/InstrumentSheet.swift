/// `psyscreen show`: an instrument or battery as a counselor reads it. The instrument's texts come from its file
/// in `language`; psyscreen's own words from the catalogue (``SheetMessage``).
package enum InstrumentSheet {
    package static func render(_ instrument: Instrument, language: Language) -> String {
        func say(_ message: SheetMessage) -> String { message.text(in: language) }
        let tag = language.tag
        var out = "\(instrument.title.text(in: tag))\n"
        out +=
            say(
                .instrumentLine(
                    id: instrument.id, version: instrument.version, items: instrument.items.count, languages: instrument.languages
                )) + "\n\n"
        out += instrument.instructions.text(in: tag) + "\n\n"
        for set in instrument.responseSets {
            out += say(.options(set: set.id, set.options.map { "\($0.value) = \($0.label.text(in: tag))" })) + "\n"
        }
        out += "\n" + say(.itemsHeading) + "\n"
        let width = instrument.items.map { $0.id.count }.max() ?? 1
        for item in instrument.items {
            var notes: [String] = []
            if item.isReversed { notes.append(say(.reverseKeyed)) }
            if instrument.responseSets.count > 1 { notes.append(say(.usesOptions(item.responseSetID))) }
            let suffix = notes.isEmpty ? "" : "  [\(notes.joined(separator: ", "))]"
            let pad = String(repeating: " ", count: width - item.id.count)
            out += "  \(pad)\(item.id). \(item.text.text(in: tag))\(suffix)\n"
        }
        out += "\n" + say(.scalesHeading) + "\n"
        for scale in instrument.scales {
            out +=
                "  "
                + say(
                    .scaleLine(
                        id: scale.id, label: scale.label.text(in: tag), definition: definition(scale),
                        low: format(scale.range.lowerBound), high: format(scale.range.upperBound))) + "\n"
            for band in scale.bands {
                out += "      \(format(band.minimum))–\(format(band.maximum))  \(band.id)  \(band.label.text(in: tag))\n"
            }
        }
        if !instrument.flags.isEmpty {
            out += "\n" + say(.flagsHeading) + "\n"
            for flag in instrument.flags {
                out +=
                    "  "
                    + say(
                        .flagLine(
                            id: flag.id, kind: flag.kind, items: flag.itemIDs,
                            minimum: flag.minimum == Int.min ? nil : flag.minimum,
                            maximum: flag.maximum == Int.max ? nil : flag.maximum, label: flag.label.text(in: tag))) + "\n"
            }
        }
        let rules = instrument.validity
        if rules.minimumSeconds != nil || !rules.straightLiningScales.isEmpty {
            out += "\n" + say(.validityHeading) + "\n"
            if let seconds = rules.minimumSeconds { out += "  " + say(.tooFastRule(seconds: seconds)) + "\n" }
            for scale in rules.straightLiningScales { out += "  " + say(.straightLiningRule(scale: scale)) + "\n" }
        }
        out += "\n" + say(.copyright(instrument.copyright)) + "\n"
        for citation in instrument.citations { out += say(.citation(citation)) + "\n" }
        for note in instrument.notes { out += say(.note(note)) + "\n" }
        return out
    }

    package static func render(_ battery: Battery, language: Language) -> String {
        func say(_ message: SheetMessage) -> String { message.text(in: language) }
        let tag = language.tag
        var out = "\(battery.title.text(in: tag))\n"
        out += say(.batteryLine(id: battery.id, version: battery.version, items: battery.itemCount)) + "\n\n"
        out += say(.instrumentsInOrder) + "\n"
        for (number, instrument) in battery.instruments.enumerated() {
            out +=
                "  "
                + say(
                    .instrumentEntry(
                        number: number + 1, id: instrument.id, version: instrument.version, title: instrument.title.text(in: tag),
                        items: instrument.items.count)) + "\n"
        }
        out += "\n\(say(.consentHeading))\n\(indent(battery.consent.text(in: tag)))\n"
        out += "\n\(say(.crisisHeading))\n\(indent(battery.crisis.text(in: tag)))\n"
        out += "\n\(say(.closingHeading))\n\(indent(battery.closing.text(in: tag)))\n"
        if let seconds = battery.minimumSeconds { out += "\n" + say(.batteryTooFastRule(seconds: seconds)) + "\n" }
        out += "\n" + say(.policyHeading) + "\n"
        for level in [WarningLevel.red, .orange, .yellow] {
            let conditions = battery.policy.conditions[level] ?? []
            guard !conditions.isEmpty else { continue }
            out += "  " + say(.policyLine(level, conditions.map(WarningReason.condition))) + "\n"
        }
        return out
    }

    private static func definition(_ scale: Scale) -> ScaleDefinition {
        switch scale.definition {
        case .items(let method, let itemIDs, let minimumAnswered, let prorate):
            .items(method, items: itemIDs, minimumAnswered: minimumAnswered, prorate: prorate)
        case .derived(let of, let multiply, let add):
            .derived(of: of, multiply: format(multiply), add: add == 0 ? nil : format(add))
        }
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }
}
