import Foundation

/// What a wave may publish, decided once per wave and k over every unit any output can show: each report (any
/// `--by`, any format) and the exchange file show a subset of it, so no two outputs can be combined into more
/// than the pattern allows.
package struct DisclosurePattern: Hashable, Sendable {
    /// Every unit an output may show, in output order. A gender or major split of a unit in which some group has
    /// fewer than k enrolled or screened students is not broken out at all: the group's complement would be the
    /// unit minus a handful of students.
    package var units: [CohortUnit]
    /// Count cells hidden, per unit. A unit below k hides every count (its screened count, which the coverage
    /// list publishes anyway, is not shown either).
    package var hidden: [CohortUnit: Set<CohortCell>]
    /// Per column: the units whose mean, SD and median are published (in exchange files: with the sum and sum
    /// of squares of the scores).
    package var distributions: [Set<CohortUnit>]
    /// Per column: the units whose score histogram is published (exchange files only): those of
    /// ``distributions`` whose band counts are all published, since a histogram gives them.
    package var histograms: [Set<CohortUnit>]
    /// Per column: the units whose alpha is published.
    package var reliabilities: [Set<CohortUnit>]
    /// Per column: the units whose per-item sums are published (exchange files only): those of
    /// ``reliabilities`` whose level counts are all published, since item 9's sums can count who endorsed it.
    package var itemSums: [Set<CohortUnit>]
    /// Hidden zeros that follow from published zeros (a class of a grade without a red student): a zero of a
    /// larger group, which says nothing more about anyone.
    package var exposedZeros: Int

    package init(
        units: [CohortUnit], hidden: [CohortUnit: Set<CohortCell>], distributions: [Set<CohortUnit>],
        histograms: [Set<CohortUnit>]? = nil, reliabilities: [Set<CohortUnit>], itemSums: [Set<CohortUnit>]? = nil,
        exposedZeros: Int = 0
    ) {
        self.units = units
        self.hidden = hidden
        self.distributions = distributions
        self.histograms = histograms ?? distributions
        self.reliabilities = reliabilities
        self.itemSums = itemSums ?? reliabilities
        self.exposedZeros = exposedZeros
    }

    package func isHidden(_ cell: CohortCell, of unit: CohortUnit) -> Bool { hidden[unit]?.contains(cell) ?? false }
}

extension DisclosurePattern {
    /// The stored form: written with `JSONEncoder`, read with ``StoredPatternReader``.
    struct Stored: Codable {
        var columns: [String]
        var units: [CohortUnit]
        /// Per unit index: the names of its hidden cells.
        var hidden: [Int: [String]]
        var families: [[[Int]]]
        var exposedZeros: Int
    }

    /// The pattern as stored when a wave is closed (JSON; cells by name, units by index).
    package func encoded(columns: [CohortColumn]) -> Data {
        let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($0.element, $0.offset) })
        let stored = Stored(
            columns: columns.map(\.name), units: units,
            hidden: Dictionary(
                uniqueKeysWithValues: hidden.compactMap { unit, cells in
                    index[unit].map { ($0, cells.map { $0.name(columns) }.sorted()) }
                }),
            families: [distributions, histograms, reliabilities, itemSums].map { family in
                family.map { $0.compactMap { index[$0] }.sorted() }
            },
            exposedZeros: exposedZeros)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(stored)) ?? Data()
    }

    /// A stored pattern, if it was made for these columns.
    package static func decode(_ data: Data, columns: [CohortColumn]) -> DisclosurePattern? {
        Decoding(data).pattern(columns: columns)
    }

    /// A stored pattern read in two steps: the JSON (a district's is a few megabytes), which can be decoded
    /// before the columns are known, beside the cohort's scans; then the pattern for the columns.
    package struct Decoding: Sendable {
        let stored: Stored?

        /// A pattern stored twice with a unit is damaged: none.
        package init(_ data: Data) {
            stored = StoredPatternReader.read(data).flatMap { Set($0.units).count == $0.units.count ? $0 : nil }
        }

        /// The pattern, if the stored one was made for these columns.
        package func pattern(columns: [CohortColumn]) -> DisclosurePattern? {
            guard let stored, stored.columns == columns.map(\.name), stored.families.count == 4,
                stored.families.allSatisfy({ $0.count == columns.count })
            else { return nil }
            // The hidden cells and the families at once: a district's are sets of tens of thousands of units.
            let (hidden, families) = Parallel.both({ Self.hidden(stored, columns: columns) }, { Self.families(stored) })
            return DisclosurePattern(
                units: stored.units, hidden: hidden, distributions: families[0], histograms: families[1],
                reliabilities: families[2], itemSums: families[3], exposedZeros: stored.exposedZeros)
        }

        private static func hidden(_ stored: Stored, columns: [CohortColumn]) -> [CohortUnit: Set<CohortCell>] {
            var hidden: [CohortUnit: Set<CohortCell>] = [:]
            hidden.reserveCapacity(stored.hidden.count)
            // A few names over and over: each read once.
            var cells: [String: CohortCell?] = [:]
            for (index, names) in stored.hidden where stored.units.indices.contains(index) {
                hidden[stored.units[index]] = Set(
                    names.compactMap { name in
                        if let cell = cells[name] { return cell }
                        let cell = CohortCell(name: name, columns: columns)
                        cells[name] = cell
                        return cell
                    })
            }
            return hidden
        }

        private static func families(_ stored: Stored) -> [[Set<CohortUnit>]] {
            stored.families.map { family in
                family.map { Set($0.filter(stored.units.indices.contains).map { stored.units[$0] }) }
            }
        }
    }
}
