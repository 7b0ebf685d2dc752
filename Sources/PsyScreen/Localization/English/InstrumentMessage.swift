/// What the loader finds wrong in a questionnaire or battery file, beyond what the XSD checks (those messages
/// are libxml2's), and what the catalog says when an instrument or battery cannot be found.
package enum InstrumentMessage: Message, Hashable {
    // The XML itself.
    case documentEmpty
    case noRootElement
    case documentUnreadable
    case notWellFormed
    case doctypeNotAllowed
    case nestedTooDeeply
    case cannotReadSchema(SystemError)
    case cannotOpenSchema
    case schemaDoesNotCompile
    case cannotCreateValidationContext
    case unexpectedRoot(String)

    // Texts and ids.
    case twoTranslations(TextElement, language: String)
    case missingTranslation(TextElement, language: String)
    case duplicateID(IDKind, id: String, firstLine: Int)

    // Numbers (every one bounded: ``InstrumentLimits``).
    case notWholeNumber(NumberField, low: Int, high: Int, value: String)
    case notDecimal(NumberField, low: String, high: String, value: String)
    case tooManyFractionDigits(NumberField, digits: Int, value: String)
    case tooManyItems(limit: Int, count: Int)
    case tooManyScales(limit: Int, count: Int)
    case tooManyBands(scale: String, limit: Int, count: Int)
    case scoreTooLarge(scale: String, largest: String, decimals: Int, limit: Int)

    // Instruments.
    case responseSetValueTwice(set: String, value: Int, firstLine: Int)
    case unknownResponseSet(item: String, set: String)
    case flagNeedsCondition(flag: String)
    case flagUnknownItem(flag: String, item: String)
    case flagNeverRaised(flag: String, item: String)
    case straightLiningUnknownScale(String)
    case straightLiningNeedsReversedItems(scale: String)
    case reservedScaleID(String)
    case scaleItemTwice(scale: String, item: String)
    case scaleUnknownItem(scale: String, item: String)
    case scaleTooFewItems(scale: String, minimumAnswered: Int, count: Int)
    case scaleMissingWithoutProrating(scale: String, minimumAnswered: Int, count: Int)
    case prorateOnMean(scale: String)
    case decimalsOnSum(scale: String)
    case derivedUnknownBase(scale: String, base: String)
    case derivedMultiplyZero(scale: String)
    case derivedDecimals(scale: String, decimals: Int, base: String, limit: Int)
    case bandMinimumAboveMaximum(band: String, scale: String, minimum: String, maximum: String)
    case bandOutsideRange(band: String, minimum: String, maximum: String, scale: String, low: String, high: String)
    case bandsLeaveGap(scale: String, from: String, to: String)
    case bandsOverlap(first: String, second: String, scale: String, from: String, to: String)

    // Batteries.
    case instrumentListedTwice(String)
    case unknownInstrument(String)
    case instrumentUnusable(String, file: String)
    case crisisFlagMustBeRed(flag: String, instrument: String)
    case policyInstrumentNotInBattery(String)
    case policyUnknownFlag(instrument: String, flag: String)
    case policyUnknownBand(scale: String, band: String)
    case scoreConditionNeedsBounds
    case policyUnknownScale(instrument: String, scale: String)

    // The catalog.
    case cannotListDirectory
    case definedTwice(battery: Bool, id: String, otherFile: String)
    case fileIsBattery
    /// `unreadable`: files of the folder that could not be read as far as their id.
    case noInstrument(String, known: [String], unreadable: [String])
    case noBattery(String, known: [String], unreadable: [String])
    case cannotBeRead
    /// A command goes on without a file of the folder: its first error, and how many more.
    case fileNotUsed(first: LocalizedText, more: Int, file: String)

    package var english: String {
        switch self {
        case .notWholeNumber(let what, let low, let high, let value):
            "\(what.english) must be a whole number from \(low) to \(high), not '\(value)'"
        case .notDecimal(let what, let low, let high, let value):
            "\(what.english) must be a decimal number from \(low) to \(high), not '\(value)'"
        case .tooManyFractionDigits(let what, let digits, let value):
            "\(what.english) has more than \(digits) digits after the point ('\(value)')"
        case .tooManyItems(let limit, let count): "an instrument has at most \(limit) items (this one has \(count))"
        case .tooManyScales(let limit, let count): "an instrument has at most \(limit) scales (this one has \(count))"
        case .tooManyBands(let scale, let limit, let count): "scale '\(scale)' has more than \(limit) bands (\(count))"
        case .scoreTooLarge(let scale, let largest, let decimals, let limit):
            "scale '\(scale)' reaches \(largest) with \(decimals) decimals: too large (a score × 10^decimals must stay within ±\(limit))"
        case .documentEmpty: "the document is empty"
        case .noRootElement: "the document has no root element"
        case .documentUnreadable: "the document could not be read"
        case .notWellFormed: "the document is not well-formed XML"
        case .doctypeNotAllowed: "a DOCTYPE is not allowed in psyscreen files (no DTDs or entities)"
        case .nestedTooDeeply: "elements are nested too deeply (more than 256 levels)"
        case .cannotReadSchema(let system): "cannot read the schema: \(system.english)"
        case .cannotOpenSchema: "cannot open the schema"
        case .schemaDoesNotCompile: "the schema does not compile"
        case .cannotCreateValidationContext: "cannot create a schema validation context"
        case .unexpectedRoot(let name): "expected an <instrument> or <battery> element, found <\(name)>"
        case .twoTranslations(let what, let language): "\(what.english) has two '\(language)' translations"
        case .missingTranslation(let what, let language):
            "\(what.english) has no '\(language)' translation (other texts of this file have one)"
        case .duplicateID(let kind, let id, let line):
            "duplicate \(kind.english) id '\(id)'\(kind.scope) (first defined on line \(line))"
        case .responseSetValueTwice(let set, let value, let line):
            "response set '\(set)' has value \(value) twice (first on line \(line))"
        case .unknownResponseSet(let item, let set): "item '\(item)' uses unknown response set '\(set)'"
        case .flagNeedsCondition(let flag): "flag '\(flag)' needs a condition: min, max or both"
        case .flagUnknownItem(let flag, let item): "flag '\(flag)' names unknown item '\(item)'"
        case .flagNeverRaised(let flag, let item):
            "flag '\(flag)' can never be raised: no option of item '\(item)' lies in its range"
        case .straightLiningUnknownScale(let scale): "straight-lining names unknown scale '\(scale)'"
        case .straightLiningNeedsReversedItems(let scale):
            "straight-lining needs a scale with reverse-keyed items; scale '\(scale)' has none"
        case .reservedScaleID(let id): "scale id '\(id)' is reserved (it names an output column)"
        case .scaleItemTwice(let scale, let item): "scale '\(scale)' names item '\(item)' twice"
        case .scaleUnknownItem(let scale, let item): "scale '\(scale)' names unknown item '\(item)'"
        case .scaleTooFewItems(let scale, let minimum, let count):
            "scale '\(scale)' needs \(minimum) answered items but has only \(count)"
        case .scaleMissingWithoutProrating(let scale, let minimum, let count):
            "scale '\(scale)' allows missing items (min-answered \(minimum) of \(count)) but does not prorate: a plain sum of fewer items is not comparable"
        case .prorateOnMean(let scale): "scale '\(scale)': prorate applies to sum scales only (a mean needs none)"
        case .decimalsOnSum(let scale): "scale '\(scale)': decimals apply to mean scales only (sums are whole numbers)"
        case .derivedUnknownBase(let scale, let base):
            "derived scale '\(scale)' is based on unknown scale '\(base)' (it must be defined above)"
        case .derivedMultiplyZero(let scale): "derived scale '\(scale)': multiply must not be 0"
        case .derivedDecimals(let scale, let decimals, let base, let limit):
            "derived scale '\(scale)' would keep \(decimals) decimals (those of '\(base)' and of multiply and add together): at most \(limit)"
        case .bandMinimumAboveMaximum(let band, let scale, let minimum, let maximum):
            "band '\(band)' of scale '\(scale)' has min \(minimum) above max \(maximum)"
        case .bandOutsideRange(let band, let minimum, let maximum, let scale, let low, let high):
            "band '\(band)' (\(minimum)–\(maximum)) lies outside the range of scale '\(scale)' (\(low)–\(high))"
        case .bandsLeaveGap(let scale, let from, let to): "bands of scale '\(scale)' leave a gap: no band covers \(from)–\(to)"
        case .bandsOverlap(let first, let second, let scale, let from, let to):
            "bands '\(first)' and '\(second)' of scale '\(scale)' overlap (\(from)–\(to) is in both)"
        case .instrumentListedTwice(let id): "instrument '\(id)' is listed twice"
        case .unknownInstrument(let id): "unknown instrument '\(id)' (no instrument file with this id)"
        case .instrumentUnusable(let id, let file): "instrument '\(id)' cannot be used: \(file) has errors"
        case .crisisFlagMustBeRed(let flag, let instrument):
            "crisis flag '\(flag)' of instrument '\(instrument)' must give red in the policy"
        case .policyInstrumentNotInBattery(let id): "the policy names instrument '\(id)', which is not in this battery"
        case .policyUnknownFlag(let instrument, let flag): "instrument '\(instrument)' has no flag '\(flag)'"
        case .policyUnknownBand(let scale, let band): "scale '\(scale)' has no band '\(band)'"
        case .scoreConditionNeedsBounds: "a score condition needs min, max or both"
        case .policyUnknownScale(let instrument, let scale): "instrument '\(instrument)' has no scale '\(scale)'"
        case .cannotListDirectory: "cannot list the instruments directory"
        case .definedTwice(let battery, let id, let other):
            "\(battery ? "battery" : "instrument") id '\(id)' is already defined in \(other) (neither is used)"
        case .fileIsBattery: "this file is a battery, not an instrument"
        case .noInstrument(let id, let known, let unreadable):
            "no instrument '\(id)' (known: \(known.joined(separator: ", "))\(Self.unreadableNote(unreadable)))"
        case .noBattery(let id, let known, let unreadable):
            "no battery '\(id)' (known: \(known.joined(separator: ", "))\(Self.unreadableNote(unreadable)))"
        case .cannotBeRead: "cannot be read"
        case .fileNotUsed(let first, let more, let file):
            "file not used: \(first.english)\(more > 0 ? " (and \(more) more error\(more == 1 ? "" : "s"): psyscreen validate \(file))" : "")"
        }
    }
}

extension InstrumentMessage {
    private static func unreadableNote(_ files: [String]) -> String {
        files.isEmpty ? "" : "; unreadable: \(files.joined(separator: ", "))"
    }
}

/// A number of a questionnaire or battery file, as messages about its bounds name it.
package enum NumberField: Message, Hashable {
    case minSeconds
    case scoreConditionBound(maximum: Bool)
    case optionValue(set: String)
    case flagBound(flag: String, maximum: Bool)
    case minAnswered(scale: String)
    case decimals(scale: String)
    case derivedMultiply(scale: String)
    case derivedAdd(scale: String)
    case bandBound(band: String, maximum: Bool)

    package var english: String {
        switch self {
        case .minSeconds: "min-seconds"
        case .scoreConditionBound(let maximum): "score condition \(maximum ? "max" : "min")"
        case .optionValue(let set): "option value of response set '\(set)'"
        case .flagBound(let flag, let maximum): "flag '\(flag)' \(maximum ? "max" : "min")"
        case .minAnswered(let scale): "scale '\(scale)' min-answered"
        case .decimals(let scale): "scale '\(scale)' decimals"
        case .derivedMultiply(let scale): "derived scale '\(scale)' multiply"
        case .derivedAdd(let scale): "derived scale '\(scale)' add"
        case .bandBound(let band, let maximum): "band '\(band)' \(maximum ? "max" : "min")"
        }
    }
}

/// A text element of a questionnaire or battery file, as messages about its translations name it.
package enum TextElement: Message, Hashable {
    case title
    case instructions
    case consent
    case closing
    case crisis
    case optionLabel(value: Int, set: String)
    case itemText(String)
    case flagLabel(String)
    case scaleLabel(String)
    case bandLabel(String)

    package var english: String {
        switch self {
        case .title: "title"
        case .instructions: "instructions"
        case .consent: "consent"
        case .closing: "closing"
        case .crisis: "crisis"
        case .optionLabel(let value, let set): "option \(value) of response set '\(set)'"
        case .itemText(let id): "item '\(id)' text"
        case .flagLabel(let id): "flag '\(id)' label"
        case .scaleLabel(let id): "scale '\(id)' label"
        case .bandLabel(let id): "band '\(id)' label"
        }
    }
}

/// The kind of thing an id names, for messages about duplicate ids.
package enum IDKind: Message, Hashable {
    case responseSet
    case item
    case flag
    case scale
    case band(scale: String)

    package var english: String {
        switch self {
        case .responseSet: "response set"
        case .item: "item"
        case .flag: "flag"
        case .scale: "scale"
        case .band: "band"
        }
    }

    /// ` in scale 'total'` for a band.
    var scope: String {
        if case .band(let scale) = self { return " in scale '\(scale)'" }
        return ""
    }
}
