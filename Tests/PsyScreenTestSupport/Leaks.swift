/// Which of many short strings (IDs, names) occur anywhere in a text: one pass over the text per needle length,
/// instead of one `String.contains` per needle (thousands of those over a report took seconds).
package enum Leaks {
    package static func find(_ needles: some Sequence<String>, in text: String) -> Set<String> {
        let scalars = Array(text.unicodeScalars.map(\.value))
        var byLength: [Int: [[UInt32]: String]] = [:]
        for needle in needles where !needle.isEmpty {
            byLength[needle.unicodeScalars.count, default: [:]][needle.unicodeScalars.map(\.value)] = needle
        }
        var found = Set<String>()
        for (length, table) in byLength where length <= scalars.count {
            let firsts = Set(table.keys.map { $0[0] })
            for start in 0...(scalars.count - length) where firsts.contains(scalars[start]) {
                if let needle = table[Array(scalars[start..<(start + length)])] { found.insert(needle) }
            }
        }
        return found
    }
}
