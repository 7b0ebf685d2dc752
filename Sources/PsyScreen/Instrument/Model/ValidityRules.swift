/// Checks that mark a response as questionable (not invalid: a counselor decides).
package struct ValidityRules: Hashable, Sendable {
    /// Answered faster than this is implausible for reading every item.
    package var minimumSeconds: Int?
    /// Scales with reverse-keyed items where identical answers on every item mean the student did not read them.
    package var straightLiningScales: [String]

    package init(minimumSeconds: Int? = nil, straightLiningScales: [String] = []) {
        self.minimumSeconds = minimumSeconds
        self.straightLiningScales = straightLiningScales
    }
}
