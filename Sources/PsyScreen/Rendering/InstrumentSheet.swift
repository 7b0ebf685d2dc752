/// `psyscreen show`: an instrument or battery as a counselor reads it.
package enum InstrumentSheet {
    package static func render(_ instrument: Instrument, language: String) -> String {
        var out = "\(instrument.title.text(in: language))\n"
        out +=
            "id \(instrument.id), version \(instrument.version), \(instrument.items.count) items, languages \(instrument.languages.joined(separator: ", "))\n\n"
        out += instrument.instructions.text(in: language) + "\n\n"
        for set in instrument.responseSets {
            let options = set.options.map { "\($0.value) = \($0.label.text(in: language))" }
            out += "Options '\(set.id)': \(options.joined(separator: " · "))\n"
        }
        out += "\nItems\n"
        let width = instrument.items.map { $0.id.count }.max() ?? 1
        for item in instrument.items {
            var notes: [String] = []
            if item.isReversed { notes.append("reverse-keyed") }
            if instrument.responseSets.count > 1 { notes.append("options '\(item.responseSetID)'") }
            let suffix = notes.isEmpty ? "" : "  [\(notes.joined(separator: ", "))]"
            let pad = String(repeating: " ", count: width - item.id.count)
            out += "  \(pad)\(item.id). \(item.text.text(in: language))\(suffix)\n"
        }
        out += "\nScales\n"
        for scale in instrument.scales {
            out +=
                "  \(scale.id) — \(scale.label.text(in: language)): \(describe(scale, instrument)), range \(format(scale.range.lowerBound))–\(format(scale.range.upperBound))\n"
            for band in scale.bands {
                out += "      \(format(band.minimum))–\(format(band.maximum))  \(band.id)  \(band.label.text(in: language))\n"
            }
        }
        if !instrument.flags.isEmpty {
            out += "\nFlags\n"
            for flag in instrument.flags {
                out += "  \(flag.id) (\(flag.kind.rawValue)): \(condition(flag)) — \(flag.label.text(in: language))\n"
            }
        }
        let rules = instrument.validity
        if rules.minimumSeconds != nil || !rules.straightLiningScales.isEmpty {
            out += "\nValidity\n"
            if let seconds = rules.minimumSeconds { out += "  questionable when answered in under \(seconds) s\n" }
            for scale in rules.straightLiningScales {
                out += "  questionable when every item of scale '\(scale)' has the same answer\n"
            }
        }
        out += "\nCopyright: \(instrument.copyright)\n"
        for citation in instrument.citations { out += "Citation: \(citation)\n" }
        for note in instrument.notes { out += "Note: \(note)\n" }
        return out
    }

    package static func render(_ battery: Battery, language: String) -> String {
        var out = "\(battery.title.text(in: language))\n"
        out += "battery \(battery.id), version \(battery.version), \(battery.itemCount) items\n\n"
        out += "Instruments, in order\n"
        for (number, instrument) in battery.instruments.enumerated() {
            out +=
                "  \(number + 1). \(instrument.id) \(instrument.version) — \(instrument.title.text(in: language)) (\(instrument.items.count) items)\n"
        }
        out += "\nConsent\n\(indent(battery.consent.text(in: language)))\n"
        out += "\nCrisis text (shown at once when a crisis answer is given)\n\(indent(battery.crisis.text(in: language)))\n"
        out += "\nClosing\n\(indent(battery.closing.text(in: language)))\n"
        if let seconds = battery.minimumSeconds { out += "\nQuestionable when the whole screening takes under \(seconds) s\n" }
        out += "\nWarning policy (highest level that applies)\n"
        for level in [WarningLevel.red, .orange, .yellow] {
            let conditions = battery.policy.conditions[level] ?? []
            guard !conditions.isEmpty else { continue }
            out += "  \(level.rawValue): \(conditions.map(\.description).joined(separator: " or "))\n"
        }
        return out
    }

    private static func describe(_ scale: Scale, _ instrument: Instrument) -> String {
        switch scale.definition {
        case .items(let method, let itemIDs, let minimumAnswered, let prorate):
            var text = "\(method.rawValue) of items \(itemIDs.joined(separator: " "))"
            if minimumAnswered < itemIDs.count {
                text += "; scored with at least \(minimumAnswered) of \(itemIDs.count) answered"
                if prorate { text += ", prorated (rounded half up)" }
            } else {
                text += "; no score if any item is missing"
            }
            return text
        case .derived(let of, let multiply, let add):
            var text = "\(format(multiply)) × \(of)"
            if add != 0 { text += " + \(format(add))" }
            return text
        }
    }

    private static func condition(_ flag: FlagRule) -> String {
        let items = flag.itemIDs.count == 1 ? "item \(flag.itemIDs[0])" : "any of items \(flag.itemIDs.joined(separator: " "))"
        switch (flag.minimum == Int.min, flag.maximum == Int.max) {
        case (false, true): return "\(items) ≥ \(flag.minimum)"
        case (true, false): return "\(items) ≤ \(flag.maximum)"
        default: return "\(items) in \(flag.minimum)–\(flag.maximum)"
        }
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }
}
