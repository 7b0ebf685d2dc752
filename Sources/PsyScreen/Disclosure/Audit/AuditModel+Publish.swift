/// Published figures as rows of ``AuditModel``: counts, a distribution's sums, a histogram's per-band sums and
/// score range, and the bounds a block takes from the wave.
extension AuditModel {
    /// Publishes `cell = value` for the leaves `members`, as `figure`.
    func publish(_ cell: CohortCell, members: [Int], value: Int, as figure: Figure? = nil) {
        let terms = terms(cell, members: members)
        guard !terms.isEmpty else { return }
        record(program.addRow(terms, lower: Double(value), upper: Double(value)), figure)
    }

    /// Publishes the sums of `column`'s scores over `members` (a published mean and SD).
    func publishSums(column: Int, members: [Int], sum: Double, sumOfSquares: Double, as figure: Figure? = nil) {
        let atoms = atoms(of: members, column: column)
        func terms(squares: Bool) -> [(column: Int, coefficient: Double)] {
            atoms.flatMap { atom in
                firstSums[column][atom].indices.flatMap {
                    sumTerms(atom: atom, column: column, band: $0, squares: squares)
                }
            }
        }
        let ones = terms(squares: false)
        guard !ones.isEmpty else { return }
        record(program.addRow(ones, lower: sum, upper: sum), figure)
        // Squares of counted scores of scales with many decimals pass what a Double holds exactly.
        if abs(sumOfSquares) < 1e15 {
            record(program.addRow(terms(squares: true), lower: sumOfSquares, upper: sumOfSquares), figure)
        }
    }

    /// Publishes a histogram of `members`: per band its sums, and its lowest and highest score present, which
    /// bound every member leaf's scores in that band — stated per atom (the leaves of an atom share the bound, so
    /// their sums over the atom lie between its count times the lowest and the highest score present).
    func publishHistogram(column: Int, members: [Int], histogram: ScoreHistogram, as figure: Figure? = nil) {
        let atoms = atoms(of: members, column: column)
        for (band, info) in columns[column].bands.enumerated() {
            let scores = histogram.counts.filter { info.scaledRange.contains($0.key) }
            let sum = scores.reduce(0.0) { $0 + Double($1.key) * Double($1.value) }
            let squares = scores.reduce(0.0) { $0 + Double($1.key) * Double($1.key) * Double($1.value) }
            let inBand = atoms.filter { firstSums[column][$0].indices.contains(band) }
            guard !inBand.isEmpty else { continue }
            let ones = inBand.flatMap { sumTerms(atom: $0, column: column, band: band, squares: false) }
            let twos = inBand.flatMap { sumTerms(atom: $0, column: column, band: band, squares: true) }
            record(program.addRow(ones, lower: sum, upper: sum), figure)
            if squares < 1e15 { record(program.addRow(twos, lower: squares, upper: squares), figure) }
            // The lowest and highest score present bound the members' scores, where they are inside the band.
            guard let low = scores.keys.min(), let high = scores.keys.max(),
                low > info.scaledRange.lowerBound || high < info.scaledRange.upperBound
            else { continue }
            for atom in inBand {
                let sum = sumTerms(atom: atom, column: column, band: band, squares: false)
                let cells = sum.dropFirst().map(\.column)
                record(program.addRow(sum + cells.map { ($0, -Double(low)) }, lower: 0, upper: nil), figure)
                record(program.addRow(sum + cells.map { ($0, -Double(high)) }, lower: nil, upper: 0), figure)
            }
        }
    }

    /// Bounds `cell` of `members` (what the wave total and the other schools leave for this school).
    func bound(_ cell: CohortCell, members: [Int], to range: ClosedRange<Int>, as figure: Figure? = nil) {
        let terms = terms(cell, members: members)
        guard !terms.isEmpty else { return }
        record(program.addRow(terms, lower: Double(range.lowerBound), upper: Double(range.upperBound)), figure)
    }
}
