/// The exact, unsuppressed counts of every unit of a wave: the input of disclosure control and of exchange
/// files. Never printed as such.
package struct CohortTables: Hashable, Sendable {
    package var columns: [CohortColumn]
    package var units: [CohortUnit: CohortCounts]
    /// The counts of each leaf (class × gender × major) when the tables come from student records; empty for
    /// tables merged from exchange files.
    package var leaves: [CohortLeaf: CohortCounts]

    package init(columns: [CohortColumn], units: [CohortUnit: CohortCounts], leaves: [CohortLeaf: CohortCounts] = [:]) {
        self.columns = columns
        self.units = units
        self.leaves = leaves
    }

    /// Units sorted for output (``CohortUnit/<``), whole wave first.
    package var sortedUnits: [CohortUnit] { units.keys.sorted() }

    /// Only the units `keep` accepts, and the leaves of the schools kept.
    package func filter(_ keep: (CohortUnit) -> Bool) -> CohortTables {
        let kept = units.filter { keep($0.key) }
        let schools = Set(kept.keys.map(\.school))
        return CohortTables(columns: columns, units: kept, leaves: leaves.filter { schools.contains($0.key.school) })
    }

    /// Adds the whole-wave unit as the sum of the schools (for merged files, which carry no wave total).
    package func withWaveTotal() -> CohortTables {
        var total = CohortCounts(columns: columns)
        for (unit, counts) in units where unit.level == .school && !unit.isGroup { total.merge(counts) }
        var copy = self
        copy.units[.all] = total
        return copy
    }
}
