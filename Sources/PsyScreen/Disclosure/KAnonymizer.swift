/// The attributes of a de-identified extract row that a reader could link to a known student.
package struct QuasiIdentifiers: Hashable, Sendable {
    /// The value that replaces a generalized attribute.
    package static let suppressed = "*"

    package var school: String
    package var grade: String
    package var gender: String
    /// What earlier extracts under the same key published for the same pseudonym (``ExtractHistory``): a
    /// reader who joins them on the pseudonym sees it beside this row, so rows group only with rows of the same
    /// history. Never written out.
    package var history: String

    package init(school: String, grade: String, gender: String, history: String = "") {
        self.school = school
        self.grade = grade
        self.gender = gender
        self.history = history
    }
}

/// Makes a de-identified extract k-anonymous over (school, grade, gender) — and, where earlier extracts under
/// the same key published attributes of the same pseudonyms, over those too (``QuasiIdentifiers/history``):
/// everything below runs within rows of one history, so joining the extracts on the pseudonym leaves every
/// combination shared by k rows or more.
///
/// In a fixed order:
/// 1. **gender** → `*` for a whole (school, grade) as soon as one of its gender groups is below k;
/// 2. **grade** → `*` for every (school, grade) that is still below k (its rows pool in (school, `*`, `*`));
/// 3. rows of a (school, `*`, `*`) pool still below k are **withheld**.
///
/// Generalizing a whole block rather than only its small group is deliberate: with two genders, the rows left
/// with `*` next to a published "F" group would all be the boys, and nothing would have been hidden. Grades pool
/// only their small ones, which is safe because a pool of one grade is below k and withheld, and a pool of two
/// or more does not tell which grade a row came from. The school is never generalized.
package struct KAnonymizer: Sendable {
    package var threshold: MinimumCellSize

    package init(threshold: MinimumCellSize = .standard) { self.threshold = threshold }

    /// What happened to an extract, for the caller to print.
    package struct Summary: Hashable, Sendable, Message, CustomStringConvertible {
        package var inputRows = 0
        /// Rows kept with gender `*` (grade kept).
        package var genderGeneralized = 0
        /// Rows kept with grade and gender `*`.
        package var gradeGeneralized = 0
        /// Rows left out because even (school, `*`, `*`) was below k.
        package var withheld = 0

        package var description: String { english }

        package var english: String {
            "\(inputRows) rows: \(genderGeneralized) with gender generalized, \(gradeGeneralized) with grade and"
                + " gender generalized, \(withheld) withheld (classes below k)"
        }
    }

    /// One (school, grade) of one history.
    private struct Block: Hashable {
        var school: String
        var grade: String
        var history: String
    }

    private struct Pool: Hashable {
        var school: String
        var history: String
    }

    package struct Output<Row> {
        /// The kept rows in input order, with generalized quasi-identifiers.
        package var rows: [Row]
        package var summary: Summary
    }

    /// Transforms `rows`, reading and rewriting their quasi-identifiers through `identifiers`.
    package func anonymize<Row>(
        _ rows: [Row], identifiers: WritableKeyPath<Row, QuasiIdentifiers>
    ) -> Output<Row> {
        let k = threshold.k
        let star = QuasiIdentifiers.suppressed
        var rows = rows
        var summary = Summary()
        summary.inputRows = rows.count

        let classSizes = Dictionary(grouping: rows.map { $0[keyPath: identifiers] }, by: { $0 }).mapValues(\.count)
        let blocksToGeneralize = Set(
            classSizes.filter { $0.value < k }.keys.map {
                Block(school: $0.school, grade: $0.grade, history: $0.history)
            })
        var blockSizes: [Block: Int] = [:]
        for index in rows.indices {
            let ids = rows[index][keyPath: identifiers]
            let block = Block(school: ids.school, grade: ids.grade, history: ids.history)
            blockSizes[block, default: 0] += 1
            if blocksToGeneralize.contains(block) { rows[index][keyPath: identifiers].gender = star }
        }

        var poolSizes: [Pool: Int] = [:]
        for (block, size) in blockSizes where size < k {
            poolSizes[Pool(school: block.school, history: block.history), default: 0] += size
        }

        var kept: [Row] = []
        kept.reserveCapacity(rows.count)
        for var row in rows {
            let ids = row[keyPath: identifiers]
            let block = Block(school: ids.school, grade: ids.grade, history: ids.history)
            if blockSizes[block]! >= k {
                if ids.gender == star { summary.genderGeneralized += 1 }
                kept.append(row)
            } else if poolSizes[Pool(school: ids.school, history: ids.history)]! >= k {
                row[keyPath: identifiers].grade = star
                row[keyPath: identifiers].gender = star
                summary.gradeGeneralized += 1
                kept.append(row)
            } else {
                summary.withheld += 1
            }
        }
        return Output(rows: kept, summary: summary)
    }
}

extension KAnonymizer.Output: Sendable where Row: Sendable {}
