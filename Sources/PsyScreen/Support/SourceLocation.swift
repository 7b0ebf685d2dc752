/// A position in an input file, as shown to the person who has to fix the file.
///
/// Lines and columns are 1-based. A column is `nil` where the source cannot tell it (libxml2 gives columns for
/// syntax errors only).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, or `FILE:LINE` when the column is unknown.
    public var description: String {
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}
