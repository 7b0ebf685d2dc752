import Foundation

/// A paper import under way, in either store: sheets are added as they are read, taken back out when a later
/// sheet turns out to repeat an ID, and published at once. Nothing is visible before ``publish()``; an import
/// dropped or killed before it leaves nothing anyone sees.
///
/// ```swift
/// guard case .staging(let staging) = try store.beginPaperImport(…) else { … already imported … }
/// let number = try staging.add(studentID: id, line: line, answers: answers)   // for every sheet
/// try staging.drop(number)                                                  // a sheet that turned out to repeat an ID
/// let summary = try staging.publish()
/// ```
package protocol PaperImportStaging: AnyObject {
    /// Scores and stages one sheet (answers per instrument in battery order, each in item order); returns its
    /// number, for ``drop(_:)``.
    @discardableResult
    func add(studentID: String, line: Int, answers: [[Int?]]) throws(StoreError) -> Int
    /// Takes a sheet back out: it will not be published.
    func drop(_ sheet: Int) throws(StoreError)
    /// Makes every staged sheet visible at once, with the audit line.
    func publish() throws(StoreError) -> PaperImportSummary
}

/// How a paper import starts: this file was already imported into the wave, or its sheets can now be staged.
package enum PaperImportStart {
    case alreadyImported(at: Date)
    case staging(any PaperImportStaging)
}
