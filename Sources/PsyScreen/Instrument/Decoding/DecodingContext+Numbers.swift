/// Numbers read from a file, each checked against its bound (``InstrumentLimits``) and reported with the line when
/// it is not a number or out of range. The decoder also runs on trees that broke the schema, so it never trusts a
/// number the XSD should have refused.
extension DecodingContext {
    /// A whole-number attribute of `element` within `range`; nil when absent or reported.
    mutating func integer(
        _ element: XMLElementValue, _ attribute: String, in range: ClosedRange<Int>, what: NumberField
    ) -> Int? {
        guard let text = element.attribute(attribute) else { return nil }
        return integer(text, in: range, line: element.line, what: what, schemaSays: "attribute '\(attribute)'")
    }

    /// The text of `element` as a whole number within `range`; nil when reported.
    mutating func integer(_ element: XMLElementValue, in range: ClosedRange<Int>, what: NumberField) -> Int? {
        integer(element.text, in: range, line: element.line, what: what, schemaSays: "Element '\(element.name)':")
    }

    private mutating func integer(
        _ text: String, in range: ClosedRange<Int>, line: Int, what: NumberField, schemaSays: String
    ) -> Int? {
        let trimmed = Self.trimmed(text)
        // Int() accepts only digits with an optional sign: no spaces, exponents or hexadecimal.
        if let value = Int(trimmed), range.contains(value) { return value }
        numberError(
            line, .notWholeNumber(what, low: range.lowerBound, high: range.upperBound, value: Self.quoted(trimmed)),
            schemaSays: schemaSays)
        return nil
    }

    /// A decimal attribute of `element` (`-12.5`: no exponent, NaN or infinity) whose magnitude is at most
    /// `limit`, with at most ``InstrumentLimits/fractionDigits`` significant digits after the point; nil when
    /// absent or reported.
    mutating func decimal(_ element: XMLElementValue, _ attribute: String, limit: Double, what: NumberField) -> Double? {
        guard let text = element.attribute(attribute) else { return nil }
        let trimmed = Self.trimmed(text)
        let digits = InstrumentLimits.fractionDigits
        let schemaSays = "attribute '\(attribute)'"
        guard let value = Self.decimalValue(trimmed), value.magnitude <= limit else {
            numberError(
                element.line,
                .notDecimal(what, low: Self.plain(-limit), high: Self.plain(limit), value: Self.quoted(trimmed)),
                schemaSays: schemaSays)
            return nil
        }
        if Self.significantFractionDigits(trimmed) > digits {
            numberError(
                element.line, .tooManyFractionDigits(what, digits: digits, value: Self.quoted(trimmed)), schemaSays: schemaSays)
            return nil
        }
        return value
    }

    /// Reports a bad number; the schema's message about the same value on that line (which says the same less
    /// plainly) is then left out.
    private mutating func numberError(_ line: Int, _ message: InstrumentMessage, schemaSays: String) {
        error(line, message)
        numberErrors.append((line, schemaSays))
    }

    /// XML white space around a value is not part of it (the schema's `collapse`).
    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }

    /// The value of an `xs:decimal` literal (`[+-]?digits[.digits]`), finite; nil for anything else.
    static func decimalValue(_ text: String) -> Double? {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digits = 0
        var points = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                points += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0, points <= 1, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Digits after the point, not counting trailing zeros (`2.50` has 1).
    static func significantFractionDigits(_ text: String) -> Int {
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text[text.index(after: point)...].reversed().drop { $0 == "0" }.count
    }

    /// A value as written in a file, cut to a readable length.
    static func quoted(_ text: String) -> String {
        text.count <= 40 ? text : text.prefix(40) + "…"
    }

    private static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
