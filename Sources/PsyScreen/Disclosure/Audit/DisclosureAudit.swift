import Foundation

/// Proves a wave's ``DisclosurePattern`` against a determined reader who holds every output of the wave: for
/// each hidden count, the smallest and largest value consistent with everything published (``AuditModel``),
/// whole numbers where it matters. A count passes when it is not pinned and the reader's interval covers the
/// protection interval: ``protection`` either side of the true value, within 0 and the published count of the
/// smallest larger group containing it (a class's n; its grade's count of the same band).
///
/// Each school is one linear program; a database of one school is exact. Schools of a database of several are
/// tied only by the whole wave's counts: each school's school-level intervals are narrowed by "the wave's count
/// minus the other schools' intervals" and the school solved again until nothing changes (interval propagation
/// between schools, exact within each).
package struct DisclosureAudit: Sendable {
    package var threshold: MinimumCellSize
    /// The battery's policy, when the wave has one battery: ties levels to bands.
    package var policy: WarningPolicy?

    package init(threshold: MinimumCellSize, policy: WarningPolicy?) {
        self.threshold = threshold
        self.policy = policy
    }

    /// Half the protection interval's width: ⌈k/2⌉.
    package var protection: Int { (threshold.k + 1) / 2 }

    package func audit(_ tables: CohortTables, pattern: DisclosurePattern) -> AuditReport {
        var report = AuditReport(intervals: [], exemptZeros: 0)
        let schools = Set(pattern.units.map(\.school)).filter { !$0.isEmpty }.sorted()
        let single = schools.count == 1
        var results: [String: [AuditReport.Interval]] = [:]
        var bounds: [String: [CohortCell: ClosedRange<Int>]] = [:]
        var schoolIntervals: [String: [CohortCell: ClosedRange<Int>]] = [:]
        for school in schools {
            let solved = auditSchool(school, tables, pattern, includeWave: single, bounds: [:], report: &report)
            results[school] = solved.intervals
            schoolIntervals[school] = solved.school
        }
        guard !single, let wave = tables.units[.all] else {
            report.intervals = schools.flatMap { results[$0]! }
            return report
        }
        // Between schools: the wave's published counts minus the other schools.
        let waveHidden = pattern.hidden[.all] ?? []
        for _ in 0..<4 {
            var changed: [String] = []
            for cell in Self.countCells(tables.columns) where !waveHidden.contains(cell) {
                let total = Self.value(cell, wave)
                for school in schools {
                    guard let own = schoolIntervals[school]?[cell], own.count > 1 else { continue }
                    let others = schools.filter { $0 != school }.map { schoolIntervals[$0]?[cell] ?? 0...0 }
                    let low = max(own.lowerBound, total - others.reduce(0) { $0 + $1.upperBound })
                    let high = min(own.upperBound, total - others.reduce(0) { $0 + $1.lowerBound })
                    guard low <= high, low...high != own else { continue }
                    bounds[school, default: [:]][cell] = low...high
                    schoolIntervals[school]![cell] = low...high
                    changed.append(school)
                }
            }
            guard !changed.isEmpty else { break }
            for school in Set(changed).sorted() {
                let solved = auditSchool(
                    school, tables, pattern, includeWave: false, bounds: bounds[school] ?? [:], report: &report)
                results[school] = solved.intervals
                schoolIntervals[school] = solved.school
            }
        }
        var intervals = schools.flatMap { results[$0]! }
        // The wave's own hidden counts: a program whose leaves are the schools, each bounded by its intervals.
        let between = waveProgram(tables, pattern, schools: schools, ranges: schoolIntervals)
        for cell in Self.countCells(tables.columns) where waveHidden.contains(cell) {
            let value = Self.value(cell, tables.units[.all]!)
            let upper = Self.upperLimit(cell, tables.units[.all]!)
            if upper == 0 {
                report.exemptZeros += 1
                continue
            }
            let terms = between.terms(cell, members: Array(schools.indices))
            let required = max(0, value - protection)...min(upper, value + protection)
            let low = between.extreme(terms, maximize: false, target: required.lowerBound, report: &report)
            let high = between.extreme(terms, maximize: true, target: required.upperBound, report: &report)
            intervals.append(
                interval(
                    .all, cell, tables.columns, value: value, low: low?.value ?? value, high: high?.value ?? value,
                    upper: upper, relaxed: (low?.relaxed ?? true) || (high?.relaxed ?? true)))
        }
        report.intervals = intervals
        return report
    }

    /// Between schools: a program whose leaves are the schools (counts, band sums, the policy), with the wave's
    /// and each school's published figures, and each hidden school count within its interval from the school's
    /// own program. The wave's published band counts tie the schools together, which intervals alone do not.
    private func waveProgram(
        _ tables: CohortTables, _ pattern: DisclosurePattern, schools: [String],
        ranges: [String: [CohortCell: ClosedRange<Int>]]
    ) -> AuditModel {
        let units = schools.map { CohortUnit(level: .school, school: $0) }
        let leaves = units.map {
            (CohortLeaf(school: $0.school, grade: "", className: "", gender: "", major: ""), tables.units[$0]!)
        }
        let needsSums = tables.columns.indices.map { column in
            ([CohortUnit.all] + units).contains { pattern.distributions[column].contains($0) }
        }
        let model = AuditModel(leaves: leaves, columns: tables.columns, policy: policy, needsSums: needsSums)
        for (members, unit) in [(Array(schools.indices), CohortUnit.all)] + units.enumerated().map({ ([$0.offset], $0.element) })
        {
            let counts = tables.units[unit]!, hidden = pattern.hidden[unit] ?? []
            for cell in Self.countCells(tables.columns) {
                if !hidden.contains(cell) {
                    model.publish(cell, members: members, value: Self.value(cell, counts), as: .count(unit, cell))
                } else if unit != .all, let range = ranges[unit.school]?[cell] {
                    model.bound(cell, members: members, to: range)
                }
            }
            for column in tables.columns.indices where pattern.distributions[column].contains(unit) {
                let sums = counts.scales[column].scores.accumulator
                model.publishSums(
                    column: column, members: members, sum: sums.sum, sumOfSquares: sums.sumOfSquares,
                    as: .distribution(unit, column))
            }
        }
        return model
    }

    /// One school's program: the model with every published figure of its units (and of the wave, for a database
    /// of one school).
    private struct SchoolProgram {
        var model: AuditModel
        var units: [CohortUnit]
        var membersOf: [CohortUnit: [Int]]
        var schoolUnit: CohortUnit
    }

    private func program(
        _ school: String, _ tables: CohortTables, _ pattern: DisclosurePattern, includeWave: Bool,
        bounds: [CohortCell: ClosedRange<Int>]
    ) -> SchoolProgram {
        let columns = tables.columns
        let leaves = tables.leaves.filter { $0.key.school == school && $0.value.screened > 0 }.sorted { $0.key < $1.key }
        var units = pattern.units.filter { $0.school == school }
        if includeWave { units.insert(.all, at: 0) }
        let membersOf = Dictionary(
            uniqueKeysWithValues: units.map { unit in
                (unit, leaves.indices.filter { leaves[$0].key.belongs(to: unit) })
            })
        let needsSums = columns.indices.map { column in units.contains { pattern.distributions[column].contains($0) } }
        let model = AuditModel(leaves: leaves, columns: columns, policy: policy, needsSums: needsSums)
        let schoolUnit = CohortUnit(level: .school, school: school)
        for unit in units {
            let counts = tables.units[unit]!, members = membersOf[unit]!
            let hidden = pattern.hidden[unit] ?? []
            for cell in Self.countCells(columns) where !hidden.contains(cell) {
                model.publish(cell, members: members, value: Self.value(cell, counts), as: .count(unit, cell))
            }
            for column in columns.indices where pattern.distributions[column].contains(unit) {
                let sums = counts.scales[column].scores.accumulator
                model.publishSums(
                    column: column, members: members, sum: sums.sum, sumOfSquares: sums.sumOfSquares,
                    as: .distribution(unit, column))
                // Histograms are published in exchange files only, which hold school and grade units.
                if pattern.histograms[column].contains(unit), unit.level == .school || unit.level == .grade {
                    model.publishHistogram(
                        column: column, members: members, histogram: counts.scales[column].scores,
                        as: .distribution(unit, column))
                }
            }
        }
        // What the wave's published count leaves for this school: withdrawn by hiding the wave's count.
        for (cell, range) in bounds {
            model.bound(cell, members: membersOf[schoolUnit] ?? [], to: range, as: .count(.all, cell))
        }
        return SchoolProgram(model: model, units: units, membersOf: membersOf, schoolUnit: schoolUnit)
    }

    /// One school's linear program; returns its hidden counts' intervals and the interval of each of its
    /// school-level counts.
    private func auditSchool(
        _ school: String, _ tables: CohortTables, _ pattern: DisclosurePattern, includeWave: Bool,
        bounds: [CohortCell: ClosedRange<Int>], report: inout AuditReport, schoolLevelOnly: Bool = false
    ) -> (intervals: [AuditReport.Interval], school: [CohortCell: ClosedRange<Int>]) {
        let columns = tables.columns
        let school = program(school, tables, pattern, includeWave: includeWave, bounds: bounds)
        var intervals: [AuditReport.Interval] = []
        var schoolRanges: [CohortCell: ClosedRange<Int>] = [:]
        var tracked: [String: Int] = [:]
        for unit in school.units {
            for cell in pattern.hidden[unit] ?? [] where cell.isCount {
                tracked["\(unit)|\(cell)"] = school.model.track(school.model.terms(cell, members: school.membersOf[unit]!))
            }
        }
        for unit in school.units where !schoolLevelOnly || unit == school.schoolUnit {
            let counts = tables.units[unit]!, members = school.membersOf[unit]!
            let hidden = pattern.hidden[unit] ?? []
            for cell in Self.countCells(columns) {
                let value = Self.value(cell, counts)
                guard hidden.contains(cell) else {
                    if unit == school.schoolUnit { schoolRanges[cell] = value...value }
                    continue
                }
                let upper = containment(
                    cell, unit: unit, counts: counts, members: members, program: school,
                    tables: tables, pattern: pattern)
                if upper == 0 {
                    report.exemptZeros += 1
                    if unit == school.schoolUnit { schoolRanges[cell] = 0...0 }
                    continue
                }
                let terms = school.model.terms(cell, members: members)
                let required = max(0, value - protection)...min(upper, value + protection)
                // An optimum found for another count may already have taken this one to 0 or to its bound:
                // then that is its exact extreme, without a program of its own.
                let index = tracked["\(unit)|\(cell)"]!
                let low =
                    school.model.reached(index, 0, maximize: false)
                    ? (value: 0, relaxed: false)
                    : school.model.extreme(terms, maximize: false, target: required.lowerBound, report: &report)
                let high =
                    school.model.reached(index, upper, maximize: true)
                    ? (value: upper, relaxed: false)
                    : school.model.extreme(terms, maximize: true, target: required.upperBound, report: &report)
                guard let low, let high else {
                    // Never seen: the published figures are the true ones, so the program is feasible and bounded.
                    intervals.append(
                        interval(unit, cell, columns, value: value, low: value, high: value, upper: upper, relaxed: true))
                    continue
                }
                intervals.append(
                    interval(
                        unit, cell, columns, value: value, low: low.value, high: high.value, upper: upper,
                        relaxed: low.relaxed || high.relaxed))
                if unit == school.schoolUnit { schoolRanges[cell] = low.value...high.value }
            }
        }
        return (intervals, schoolRanges)
    }

    /// What the audit adds to a pattern so that it passes: per school, each hidden count whose interval is too
    /// narrow gets one more published figure withdrawn — one that binds the optimum that narrowed it (non-zero
    /// dual), the smallest non-zero count first, then a distribution, a zero last — until it is wide enough;
    /// a count withdrawn is checked in turn. Withdrawing a figure only widens every interval, so a count once
    /// wide enough stays so. With several schools, rounds alternate with the propagation of the wave's counts
    /// (as in ``audit(_:pattern:)``): what the wave's count leaves for a school is a figure too, withdrawn by
    /// hiding the wave's count.
    package func repair(
        _ tables: CohortTables, pattern: DisclosurePattern
    ) -> (hidden: [CohortUnit: Set<CohortCell>], withdrawn: [Set<CohortUnit>]) {
        var current = pattern
        var withdrawn = tables.columns.map { _ in Set<CohortUnit>() }
        let schools = Set(pattern.units.map(\.school)).filter { !$0.isEmpty }.sorted()
        let single = schools.count == 1
        var bounds: [String: [CohortCell: ClosedRange<Int>]] = [:]
        var pending = schools
        for _ in 0..<6 {
            for school in pending {
                repairSchool(school, tables, &current, &withdrawn, includeWave: single, bounds: bounds[school] ?? [:])
            }
            guard !single, let wave = tables.units[.all] else { break }
            // The wave's published counts minus the other schools' intervals, as the audit has them.
            var report = AuditReport(intervals: [], exemptZeros: 0)
            var ranges: [String: [CohortCell: ClosedRange<Int>]] = [:]
            for school in schools {
                ranges[school] =
                    auditSchool(
                        school, tables, current, includeWave: false, bounds: bounds[school] ?? [:],
                        report: &report, schoolLevelOnly: true
                    ).school
            }
            var changed: Set<String> = []
            let waveHidden = current.hidden[.all] ?? []
            for cell in Self.countCells(tables.columns) where !waveHidden.contains(cell) {
                let total = Self.value(cell, wave)
                for school in schools {
                    guard let own = ranges[school]?[cell], own.count > 1 else { continue }
                    let others = schools.filter { $0 != school }.map { ranges[$0]?[cell] ?? 0...0 }
                    let low = max(own.lowerBound, total - others.reduce(0) { $0 + $1.upperBound })
                    let high = min(own.upperBound, total - others.reduce(0) { $0 + $1.lowerBound })
                    guard low <= high, low...high != own else { continue }
                    bounds[school, default: [:]][cell] = low...high
                    changed.insert(school)
                }
            }
            // A count of the wave hidden since no longer bounds anyone.
            for school in schools {
                for cell in waveHidden where bounds[school]?[cell] != nil {
                    bounds[school]![cell] = nil
                    changed.insert(school)
                }
            }
            // The wave's own hidden counts, between schools.
            let program = waveProgram(tables, current, schools: schools, ranges: ranges)
            for cell in Self.countCells(tables.columns) where current.hidden[.all]?.contains(cell) ?? false {
                let value = Self.value(cell, wave), upper = Self.upperLimit(cell, wave)
                guard upper > 0 else { continue }
                let terms = program.terms(cell, members: Array(schools.indices))
                let required = max(0, value - protection)...min(upper, value + protection)
                for _ in 0..<50 {
                    var narrow = false
                    for maximize in [false, true] {
                        let target = maximize ? required.upperBound : required.lowerBound
                        guard
                            let found = program.extreme(
                                terms, maximize: maximize, target: target, report: &report, integerSearch: false)
                        else { continue }
                        if maximize ? found.value < target : found.value > target {
                            narrow = true
                            break
                        }
                    }
                    guard narrow,
                        let figure = program.bindingFigures().filter({ $0 != .count(.all, cell) })
                            .min(by: { cost($0, tables) < cost($1, tables) })
                    else { break }
                    program.withdraw(figure)
                    switch figure {
                    case .count(let unit, let other):
                        current.hidden[unit, default: []].insert(other)
                        if unit != .all { changed.insert(unit.school) }
                    case .distribution(let unit, let column):
                        withdrawn[column].insert(unit)
                        current.distributions[column].remove(unit)
                        current.histograms[column].remove(unit)
                        if unit != .all { changed.insert(unit.school) }
                    }
                }
            }
            guard !changed.isEmpty else { break }
            pending = changed.sorted()
        }
        return (current.hidden, withdrawn)
    }

    private func repairSchool(
        _ schoolName: String, _ tables: CohortTables, _ current: inout DisclosurePattern,
        _ withdrawn: inout [Set<CohortUnit>], includeWave: Bool, bounds: [CohortCell: ClosedRange<Int>]
    ) {
        let columns = tables.columns
        var report = AuditReport(intervals: [], exemptZeros: 0)
        let school = program(schoolName, tables, current, includeWave: includeWave, bounds: bounds)
        var queue: [(CohortUnit, CohortCell)] = []
        var tracked: [String: Int] = [:]
        func enqueue(_ unit: CohortUnit, _ cell: CohortCell) {
            queue.append((unit, cell))
            if tracked["\(unit)|\(cell)"] == nil {
                tracked["\(unit)|\(cell)"] = school.model.track(school.model.terms(cell, members: school.membersOf[unit]!))
            }
        }
        for unit in school.units {
            for cell in Self.countCells(columns) where current.hidden[unit]?.contains(cell) ?? false { enqueue(unit, cell) }
        }
        var attempts = 0
        while let (unit, cell) = queue.first, attempts < 20 * (queue.count + 100) {
            attempts += 1
            let counts = tables.units[unit]!, members = school.membersOf[unit]!
            let value = Self.value(cell, counts)
            let upper = containment(
                cell, unit: unit, counts: counts, members: members, program: school,
                tables: tables, pattern: current)
            let terms = school.model.terms(cell, members: members)
            let required = max(0, value - protection)...min(upper, value + protection)
            var narrow = false
            if upper > 0 {
                for maximize in [false, true] {
                    let target = maximize ? required.upperBound : required.lowerBound
                    // Optima found for other counts only ever stay feasible (withdrawing relaxes).
                    if school.model.reached(tracked["\(unit)|\(cell)"]!, target, maximize: maximize) { continue }
                    guard
                        let found = school.model.extreme(
                            terms, maximize: maximize, target: target, report: &report, integerSearch: false)
                    else { continue }
                    if maximize ? found.value < target : found.value > target {
                        narrow = true
                        break
                    }
                }
            }
            guard narrow else {
                queue.removeFirst()
                continue
            }
            let binding = school.model.bindingFigures().filter { $0 != .count(unit, cell) }
            guard let figure = binding.min(by: { cost($0, tables) < cost($1, tables) }) else {
                queue.removeFirst()  // nothing left to withdraw: the final audit reports it
                continue
            }
            school.model.withdraw(figure)
            switch figure {
            case .count(let other, let otherCell):
                current.hidden[other, default: []].insert(otherCell)
                if other.school == schoolName || includeWave { enqueue(other, otherCell) }
            case .distribution(let other, let column):
                withdrawn[column].insert(other)
                current.distributions[column].remove(other)
                current.histograms[column].remove(other)
            }
        }
        if ProcessInfo.processInfo.environment["PSYSCREEN_AUDIT_TRACE"] != nil {
            FileHandle.standardError.write(
                Data(
                    "repair \(schoolName): \(queue.count) left, \(attempts) steps, \(report.linearPrograms) LPs, \(school.model.program.columnCount) columns, \(school.model.program.rowCount) rows\n"
                        .utf8))
        }
    }

    /// Which figure to withdraw first: non-zero counts by size, then distributions by n, then zeros.
    private func cost(_ figure: AuditModel.Figure, _ tables: CohortTables) -> (Int, Int, String) {
        switch figure {
        case .count(let unit, let cell):
            let value = Self.value(cell, tables.units[unit]!)
            return (value > 0 ? 0 : 2, value, "\(unit)\(cell)")
        case .distribution(let unit, let column):
            return (1, tables.units[unit]!.scales[column].n, "\(unit)\(column)")
        }
    }

    /// The smallest published count of a unit containing all of `unit`'s students for the same cell, and the
    /// unit's own n (or screened count): a bound every reader has.
    private func containment(
        _ cell: CohortCell, unit: CohortUnit, counts: CohortCounts, members: [Int], program: SchoolProgram,
        tables: CohortTables, pattern: DisclosurePattern
    ) -> Int {
        var upper = Self.upperLimit(cell, counts)
        let mine = Set(members)
        for other in program.units where other != unit && !(pattern.hidden[other]?.contains(cell) ?? false) {
            guard let theirs = program.membersOf[other], mine.isSubset(of: theirs) else { continue }
            upper = min(upper, Self.value(cell, tables.units[other]!))
        }
        return upper
    }

    private func interval(
        _ unit: CohortUnit, _ cell: CohortCell, _ columns: [CohortColumn], value: Int, low: Int, high: Int, upper: Int,
        relaxed: Bool
    ) -> AuditReport.Interval {
        let required = max(0, value - protection)...min(upper, value + protection)
        return AuditReport.Interval(
            unit: unit, cell: cell, cellName: cell.name(columns), value: value, low: min(low, value),
            high: max(high, value), required: required, upperBound: upper, relaxed: relaxed)
    }

    /// The counts a pattern may hide that are about students' health: levels and bands.
    static func countCells(_ columns: [CohortColumn]) -> [CohortCell] {
        CohortCell.publishedLevels.map(CohortCell.level)
            + columns.indices.flatMap { column in columns[column].bands.indices.map { CohortCell.band(column, $0) } }
    }

    static func value(_ cell: CohortCell, _ counts: CohortCounts) -> Int {
        switch cell {
        case .screened: counts.screened
        case .n(let column): counts.scales[column].n
        case .band(let column, let band): counts.scales[column].bands[band]
        case .level(let level): counts.count(level)
        }
    }

    /// A count's largest possible value: its unit's n for a band, the screened count for a level.
    static func upperLimit(_ cell: CohortCell, _ counts: CohortCounts) -> Int {
        switch cell {
        case .band(let column, _): counts.scales[column].n
        default: counts.screened
        }
    }
}
