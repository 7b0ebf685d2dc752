/// A position in an input file, as shown to the person who has to fix the file.
///
/// Lines and columns are 1-based. A column is `nil` where the source cannot tell it (libxml2 gives columns for
/// syntax errors only).
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int?

    package init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, or `FILE:LINE` when the column is unknown.
    package var description: String {
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}
