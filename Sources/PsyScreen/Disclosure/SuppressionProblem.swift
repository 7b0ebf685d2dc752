/// Count tables with their linear relations: the input of cell suppression.
///
/// A problem holds **cells** (one count each), **units** (a class, grade, school or gender group, with its
/// enrolment) and **equations** `total = Σ parts`. The caller builds one problem per family of counts (one scale's
/// bands, or the warning levels) over one school hierarchy, listing every relation a reader could use:
///
/// - a `.partition` equation says that the categories of one unit add up to its `n` (the bands of a scale, the
///   warning levels including the never-published `none`, the gender groups of a grade);
/// - a `.hierarchy` equation says that one statistic of a unit is the sum of the same statistic of its sub-units
///   (grade = Σ its classes, school = Σ its grades, all schools = Σ schools).
///
/// Values are checked on entry: an equation whose values do not add up is refused, since the solver would
/// otherwise reason about relations that a reader does not have.
package struct SuppressionProblem: Sendable {
    /// Index of a cell in ``cells``, in the order of ``addCell(_:value:unit:published:sensitive:withheld:)``. That order
    /// also breaks ties when the solver chooses between equally good complements.
    package struct CellID: Hashable, Comparable, Sendable, CustomStringConvertible {
        package let rawValue: Int
        package static func < (lhs: CellID, rhs: CellID) -> Bool { lhs.rawValue < rhs.rawValue }
        package var description: String { "cell \(rawValue)" }
    }

    package struct UnitID: Hashable, Sendable {
        package let rawValue: Int
    }

    /// One count of a table.
    package struct Cell: Hashable, Sendable {
        package var label: String
        package var value: Int
        package var unit: UnitID?
        /// False for a count that is part of the equations but never shown (the `none` level): the solver
        /// treats it as unknown to the reader.
        package var isPublished: Bool
        /// True for a count about students' health, subject to primary suppression. An `n` of screened students
        /// is usually not sensitive; it is still hidden inside a small unit, and may serve as a complement.
        package var isSensitive: Bool
        /// Hidden whatever its value, because an earlier publication of the same figure hid it (a school's own
        /// report, whose decisions travel in its export): publishing it now would undo that protection.
        package var isWithheld: Bool = false
        /// Known to every reader from elsewhere (a class's screened count is on the coverage list): never hidden,
        /// never a complement, never protected. Hiding it would protect nothing.
        package var isPublic: Bool = false
        /// Must stay unrecoverable whatever its value (an unpublished figure of a set of students, such as the
        /// sums of one class's girls).
        package var isAlwaysProtected: Bool = false
    }

    /// A class, grade, school or other group. A unit whose enrolment is below k is never shown on its own: all
    /// its cells are hidden, and only its enrolment (which the caller prints, not a cell) remains.
    ///
    /// `enrolment` is the count that decides this. The disclosure rule speaks of the unit's denominator: a report that also
    /// wants to hide a unit where fewer than k students were screened passes `min(enrolled, screened)`.
    package struct Unit: Hashable, Sendable {
        package var label: String
        package var enrolment: Int
    }

    package enum EquationKind: Hashable, Sendable {
        /// The parts are the categories of one unit; the complement rule ("everyone but 2") applies.
        case partition
        /// The parts are the same statistic of sub-units.
        case hierarchy
    }

    package struct Equation: Hashable, Sendable {
        package var total: CellID
        package var parts: [CellID]
        package var kind: EquationKind
    }

    package private(set) var cells: [Cell] = []
    package private(set) var units: [Unit] = []
    package private(set) var equations: [Equation] = []

    package init() {}

    package subscript(cell: CellID) -> Cell { cells[cell.rawValue] }
    package subscript(unit: UnitID) -> Unit { units[unit.rawValue] }

    package var cellIDs: [CellID] { cells.indices.map(CellID.init(rawValue:)) }

    @discardableResult
    package mutating func addUnit(_ label: String, enrolment: Int) throws(SuppressionProblemError) -> UnitID {
        guard enrolment >= 0 else { throw .negativeEnrolment(unit: label, enrolment: enrolment) }
        units.append(Unit(label: label, enrolment: enrolment))
        return UnitID(rawValue: units.count - 1)
    }

    /// Adds one count. `unit` ties it to a unit so that a small unit hides it; `published: false` keeps it out
    /// of every output while its equations still hold; `withheld: true` hides a published cell from the start.
    /// `public: true` marks a count every reader knows from elsewhere (``Cell/isPublic``); `protected: true` one
    /// that must stay unrecoverable whatever its value (``Cell/isAlwaysProtected``).
    @discardableResult
    package mutating func addCell(
        _ label: String, value: Int, unit: UnitID? = nil, published: Bool = true, sensitive: Bool = true,
        withheld: Bool = false, public isPublic: Bool = false, protected: Bool = false
    ) throws(SuppressionProblemError) -> CellID {
        guard value >= 0 else { throw .negativeCount(cell: label, value: value) }
        if let unit, !units.indices.contains(unit.rawValue) { throw .unknownUnit(cell: label) }
        cells.append(
            Cell(
                label: label, value: value, unit: unit, isPublished: published || isPublic, isSensitive: sensitive,
                isWithheld: withheld, isPublic: isPublic, isAlwaysProtected: protected && !isPublic))
        return CellID(rawValue: cells.count - 1)
    }

    /// Adds `total = Σ parts`. Refuses unknown cells, a cell used twice, and values that do not add up (unless
    /// `checked` is false: a merge knows only some of the values, and the files it read were checked).
    package mutating func addEquation(
        _ total: CellID, equals parts: [CellID], kind: EquationKind, checked: Bool = true
    ) throws(SuppressionProblemError) {
        let all = [total] + parts
        guard all.allSatisfy({ cells.indices.contains($0.rawValue) }) else { throw .unknownCell }
        guard !parts.isEmpty else { throw .emptyEquation(total: self[total].label) }
        guard Set(all).count == all.count else { throw .repeatedCell(total: self[total].label) }
        let sum = parts.reduce(0) { $0 + self[$1].value }
        guard sum == self[total].value || !checked else {
            throw .inconsistentEquation(total: self[total].label, totalValue: self[total].value, sumOfParts: sum)
        }
        equations.append(Equation(total: total, parts: parts, kind: kind))
    }
}

/// A suppression problem that cannot be built as asked.
package enum SuppressionProblemError: Error, Hashable, Sendable, Message, CustomStringConvertible {
    case negativeEnrolment(unit: String, enrolment: Int)
    case negativeCount(cell: String, value: Int)
    case unknownUnit(cell: String)
    case unknownCell
    case emptyEquation(total: String)
    case repeatedCell(total: String)
    case inconsistentEquation(total: String, totalValue: Int, sumOfParts: Int)

    package var description: String { english }

    package var english: String {
        switch self {
        case let .negativeEnrolment(unit, enrolment):
            "unit '\(unit)' has a negative enrolment (\(enrolment))"
        case let .negativeCount(cell, value):
            "cell '\(cell)' has a negative count (\(value))"
        case let .unknownUnit(cell):
            "cell '\(cell)' names a unit that is not in this problem"
        case .unknownCell:
            "an equation names a cell that is not in this problem"
        case let .emptyEquation(total):
            "the equation for '\(total)' has no parts"
        case let .repeatedCell(total):
            "the equation for '\(total)' uses a cell more than once"
        case let .inconsistentEquation(total, totalValue, sumOfParts):
            "'\(total)' is \(totalValue) but its parts add up to \(sumOfParts)"
        }
    }
}
