/// A value ``ExternalSorter`` can sort: plain bytes, ordered, with a numeric prefix for bucketing.
package protocol ExternalSortable: Comparable, BitwiseCopyable, SendableMetatype {
    /// A number that orders like the value (`a < b` implies `a.sortPrefix <= b.sortPrefix`). The more evenly it
    /// spreads, the faster the sort; equal prefixes are still sorted correctly, by `<`.
    var sortPrefix: UInt64 { get }
}

extension UInt64: ExternalSortable {
    package var sortPrefix: UInt64 { self }
}
