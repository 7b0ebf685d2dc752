import Foundation

/// Decodes `<scale>` and `<derived-scale>` elements with their bands, computing each scale's range and score
/// spacing so that bands can be checked to cover the range with no gap or overlap.
struct ScaleDecoder {
    let items: [Item]
    let responseSets: [ResponseSet]

    /// Scale ids that would collide with the `{instrument}.flags` and `{instrument}.status` output columns.
    static let reservedIDs: Set<String> = ["flags", "status"]

    func decode(_ root: XMLElementValue, _ context: inout DecodingContext) -> [Scale] {
        let elements = root.children.filter { $0.name == "scale" || $0.name == "derived-scale" }
        context.checkUnique(elements, kind: .scale)
        if elements.count > InstrumentLimits.scales {
            context.error(
                elements[InstrumentLimits.scales].line,
                .tooManyScales(limit: InstrumentLimits.scales, count: elements.count))
        }
        var scales: [Scale] = []
        for element in elements {
            let id = element.attribute("id") ?? ""
            if Self.reservedIDs.contains(id) {
                context.error(element.line, .reservedScaleID(id))
            }
            let label = context.text("label", of: element, what: .scaleLabel(id))
            let shape: (Scale.Definition, Int, ClosedRange<Double>, Double)?
            if element.name == "scale" {
                shape = itemScale(element, id: id, &context)
            } else {
                shape = derivedScale(element, id: id, earlier: scales, &context)
            }
            let (bands, bandsComplete) = decodeBands(element, scaleID: id, &context)
            guard let (definition, decimals, range, step) = shape,
                checkMagnitude(range, decimals: decimals, scaleID: id, line: element.line, &context)
            else { continue }
            let bandLines = Dictionary(
                element.children(named: "band").map { ($0.attribute("id") ?? "", $0.line) },
                uniquingKeysWith: { first, _ in first })
            if bandsComplete {
                checkCoverage(
                    bands, range: range, step: step, decimals: decimals, scaleID: id,
                    line: { bandLines[$0] ?? element.line }, &context)
            }
            scales.append(
                Scale(
                    id: id, label: label, definition: definition, decimals: decimals, range: range, step: step,
                    bands: bands.sorted { $0.minimum < $1.minimum }))
        }
        return scales
    }

    private func itemScale(
        _ element: XMLElementValue, id: String, _ context: inout DecodingContext
    ) -> (Scale.Definition, Int, ClosedRange<Double>, Double)? {
        let method = Scale.Method(rawValue: element.attribute("method") ?? "") ?? .sum
        let itemIDs = context.idList(element.attribute("items"))
        var ranges: [ClosedRange<Int>] = []
        var seen: Set<String> = []
        for itemID in itemIDs {
            if !seen.insert(itemID).inserted {
                context.error(element.line, .scaleItemTwice(scale: id, item: itemID))
            }
            guard let item = items.first(where: { $0.id == itemID }) else {
                context.error(element.line, .scaleUnknownItem(scale: id, item: itemID))
                continue
            }
            if let set = responseSets.first(where: { $0.id == item.responseSetID }), !set.options.isEmpty {
                ranges.append(set.minimumValue...set.maximumValue)
            }
        }
        let count = itemIDs.count
        let minimumAnswered =
            context.integer(
                element, "min-answered", in: 1...InstrumentLimits.items, what: .minAnswered(scale: id)) ?? count
        let prorate = element.attribute("prorate").map { $0 == "true" || $0 == "1" } ?? false
        if minimumAnswered > count {
            context.error(element.line, .scaleTooFewItems(scale: id, minimumAnswered: minimumAnswered, count: count))
        }
        if method == .sum && minimumAnswered < count && !prorate {
            context.error(element.line, .scaleMissingWithoutProrating(scale: id, minimumAnswered: minimumAnswered, count: count))
        }
        if method == .mean && prorate {
            context.error(element.line, .prorateOnMean(scale: id))
        }
        let decimalsAttribute = context.integer(
            element, "decimals", in: InstrumentLimits.decimals, what: .decimals(scale: id))
        if method == .sum && decimalsAttribute != nil {
            context.error(element.line, .decimalsOnSum(scale: id))
        }
        guard ranges.count == count, count > 0, element.attribute("decimals") == nil || decimalsAttribute != nil
        else { return nil }
        let decimals = method == .sum ? 0 : (decimalsAttribute ?? 2)
        let lowest = Double(ranges.map(\.lowerBound).min()!)
        let highest = Double(ranges.map(\.upperBound).max()!)
        let sameRange = Set(ranges).count == 1
        let range: ClosedRange<Double>
        switch method {
        case .sum:
            // With proration and unequal item ranges a prorated sum can go past the sum of the item ranges.
            range =
                sameRange || minimumAnswered == count
                ? Double(ranges.map(\.lowerBound).reduce(0, +))...Double(ranges.map(\.upperBound).reduce(0, +))
                : lowest * Double(count)...highest * Double(count)
        case .mean:
            range = lowest...highest
        }
        let step = method == .sum ? 1 : pow(10, -Double(decimals))
        return (
            .items(method: method, itemIDs: itemIDs, minimumAnswered: minimumAnswered, prorate: prorate),
            decimals, range, step
        )
    }

    private func derivedScale(
        _ element: XMLElementValue, id: String, earlier: [Scale], _ context: inout DecodingContext
    ) -> (Scale.Definition, Int, ClosedRange<Double>, Double)? {
        let of = element.attribute("of") ?? ""
        let multiplyText = DecodingContext.trimmed(element.attribute("multiply") ?? "1")
        let addText = DecodingContext.trimmed(element.attribute("add") ?? "0")
        let multiply = context.decimal(element, "multiply", limit: InstrumentLimits.multiplier, what: .derivedMultiply(scale: id))
        let add = context.decimal(element, "add", limit: InstrumentLimits.offset, what: .derivedAdd(scale: id))
        guard let base = earlier.first(where: { $0.id == of }) else {
            context.error(element.line, .derivedUnknownBase(scale: id, base: of))
            return nil
        }
        if multiply == 0 { context.error(element.line, .derivedMultiplyZero(scale: id)) }
        guard let multiply = element.attribute("multiply") == nil ? 1 : multiply,
            let add = element.attribute("add") == nil ? 0 : add, multiply != 0
        else { return nil }
        let decimals = max(base.decimals + Self.fractionDigits(multiplyText), Self.fractionDigits(addText))
        guard InstrumentLimits.decimals.contains(decimals) else {
            context.error(
                element.line,
                .derivedDecimals(scale: id, decimals: decimals, base: of, limit: InstrumentLimits.decimals.upperBound))
            return nil
        }
        let ends = [base.range.lowerBound * multiply + add, base.range.upperBound * multiply + add]
        return (
            .derived(of: of, multiply: multiply, add: add), decimals, ends.min()!...ends.max()!,
            base.step * abs(multiply)
        )
    }

    /// The bands, and whether every one could be read (coverage is only checked then).
    private func decodeBands(
        _ element: XMLElementValue, scaleID: String, _ context: inout DecodingContext
    ) -> ([Band], Bool) {
        let elements = element.children(named: "band")
        context.checkUnique(elements, kind: .band(scale: scaleID))
        if elements.count > InstrumentLimits.bands {
            context.error(
                elements[InstrumentLimits.bands].line,
                .tooManyBands(scale: scaleID, limit: InstrumentLimits.bands, count: elements.count))
        }
        let bands = elements.compactMap { band -> Band? in
            let id = band.attribute("id") ?? ""
            let label = context.text("label", of: band, what: .bandLabel(id))
            let limit = InstrumentLimits.scoreBound
            let minimum = context.decimal(band, "min", limit: limit, what: .bandBound(band: id, maximum: false))
            let maximum = context.decimal(band, "max", limit: limit, what: .bandBound(band: id, maximum: true))
            guard let minimum, let maximum else { return nil }
            if minimum > maximum {
                context.error(
                    band.line,
                    .bandMinimumAboveMaximum(band: id, scale: scaleID, minimum: format(minimum), maximum: format(maximum)))
                return nil
            }
            return Band(id: id, label: label, minimum: minimum, maximum: maximum)
        }
        return (bands, bands.count == elements.count)
    }

    /// Scores counted in their smallest step (score × 10^decimals, how reports and the store keep them) must stay
    /// within ``InstrumentLimits/countedScore``.
    private func checkMagnitude(
        _ range: ClosedRange<Double>, decimals: Int, scaleID: String, line: Int, _ context: inout DecodingContext
    ) -> Bool {
        let largest = max(range.lowerBound.magnitude, range.upperBound.magnitude)
        let limit = InstrumentLimits.countedScore
        guard largest * Double(Rounding.power10(decimals)) > limit else { return true }
        context.error(line, .scoreTooLarge(scale: scaleID, largest: format(largest), decimals: decimals, limit: Int(limit)))
        return false
    }

    /// Bands must tile the scale's range: first starts at the lowest score, each next one a step after the
    /// previous ends, last ends at the highest score.
    private func checkCoverage(
        _ bands: [Band], range: ClosedRange<Double>, step: Double, decimals: Int, scaleID: String,
        line: (String) -> Int, _ context: inout DecodingContext
    ) {
        guard !bands.isEmpty else { return }
        // Scores the scale can have, as they are printed (`3.41`, not the `3.4099999999999997` of 3.4 + 0.01).
        func grid(_ value: Double) -> String { ScoreFormat.string(value, decimals: decimals) }
        let tolerance = step / 1000
        for band in bands where band.minimum < range.lowerBound - tolerance || band.maximum > range.upperBound + tolerance {
            context.error(
                line(band.id),
                .bandOutsideRange(
                    band: band.id, minimum: format(band.minimum), maximum: format(band.maximum), scale: scaleID,
                    low: format(range.lowerBound), high: format(range.upperBound)))
        }
        let sorted = bands.sorted { $0.minimum < $1.minimum }
        if sorted[0].minimum > range.lowerBound + tolerance {
            context.error(
                line(sorted[0].id),
                .bandsLeaveGap(scale: scaleID, from: grid(range.lowerBound), to: grid(sorted[0].minimum - step)))
        }
        for (previous, next) in zip(sorted, sorted.dropFirst()) {
            if next.minimum <= previous.maximum + tolerance {
                context.error(
                    line(next.id),
                    .bandsOverlap(
                        first: previous.id, second: next.id, scale: scaleID, from: grid(next.minimum),
                        to: grid(min(previous.maximum, next.maximum))))
            } else if next.minimum - previous.maximum > step + tolerance {
                context.error(
                    line(next.id),
                    .bandsLeaveGap(scale: scaleID, from: grid(previous.maximum + step), to: grid(next.minimum - step)))
            }
        }
        let last = sorted.max { $0.maximum < $1.maximum }!
        if last.maximum < range.upperBound - tolerance {
            context.error(
                line(last.id),
                .bandsLeaveGap(scale: scaleID, from: grid(last.maximum + step), to: grid(range.upperBound)))
        }
    }

    private static func fractionDigits(_ text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text[text.index(after: dot)...].trimmingCharacters(in: CharacterSet(charactersIn: "0")).isEmpty
            ? 0 : text[text.index(after: dot)...].count
    }
}
