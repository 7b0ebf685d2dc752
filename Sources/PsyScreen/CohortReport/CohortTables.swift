/// The exact, unsuppressed counts of every unit of a wave: the input of disclosure control and of exchange
/// files. Never printed as such.
package struct CohortTables: Hashable, Sendable {
    package var columns: [CohortColumn]
    package var units: [CohortUnit: CohortCounts]

    package init(columns: [CohortColumn], units: [CohortUnit: CohortCounts]) {
        self.columns = columns
        self.units = units
    }

    /// Units sorted for output (``CohortUnit/<``), whole wave first.
    package var sortedUnits: [CohortUnit] { units.keys.sorted() }

    /// Only the units `keep` accepts; the whole wave is recomputed from the schools when asked for.
    package func filter(_ keep: (CohortUnit) -> Bool) -> CohortTables {
        CohortTables(columns: columns, units: units.filter { keep($0.key) })
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
