/// Where the records of a paper-results file come from: a CSV file today (``CSVReader``); an Excel sheet can be
/// another source, handing out its rows as records of text cells the same way.
package protocol RowSource: AnyObject {
    /// The file's name in messages.
    var name: String { get }
    /// The next record, or nil at the end. Valid until the next call.
    func next() throws -> TableRecord?
    /// Bytes of the file read so far, for progress.
    var bytesRead: Int { get }
    /// How the file's text was encoded, for the summary (`UTF-8`, `GB18030`, `Excel sheet 成绩`).
    var encodingName: LocalizedText { get }
    /// How places in the file are named in messages (default: `NAME:LINE:FIELD`).
    var positions: InputPositions { get }
    /// The part of the file that is read, when not the whole of it (a worksheet's name), so that an import can
    /// tell two sheets of one workbook apart; nil for a CSV file.
    var section: String? { get }
    /// When the header was refused: a better explanation, if the source has one (a worksheet: merged cells in
    /// the header row, which it learns only at the end of the sheet). May read the rest of the file.
    func headerExplanation() throws -> InputError?
}

extension RowSource {
    package var positions: InputPositions { InputPositions(name: name) }
    package var section: String? { nil }
    package func headerExplanation() throws -> InputError? { nil }
}

extension CSVReader: RowSource {
    /// An encoding's name is the same in every language.
    package var encodingName: LocalizedText { LocalizedText(english: encoding.displayName, chinese: encoding.displayName) }
}
