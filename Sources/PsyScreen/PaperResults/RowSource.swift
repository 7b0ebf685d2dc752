/// Where the records of a paper-results file come from: a CSV file today (``CSVReader``); an Excel sheet can be
/// another source, handing out its rows as records of text cells the same way.
package protocol RowSource: AnyObject {
    /// The file's name in messages.
    var name: String { get }
    /// The next record, or nil at the end. Valid until the next call.
    func next() throws -> TableRecord?
    /// Bytes of the file read so far, for progress.
    var bytesRead: Int { get }
    /// How the file's text was encoded, for the summary (`UTF-8`, `GB18030`).
    var encodingName: String { get }
}

extension CSVReader: RowSource {
    package var encodingName: String { encoding.displayName }
}
