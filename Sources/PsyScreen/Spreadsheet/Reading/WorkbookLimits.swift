/// How much of a workbook psyscreen agrees to read: checked against the sizes the zip declares before anything
/// is inflated, and again while inflating (a part that inflates past what it declared is refused). Real
/// workbooks stay far below every limit; a zip bomb or a hostile file hits one at once.
package struct WorkbookLimits: Sendable {
    /// Entries in the zip (a workbook has tens).
    package var entries = 10_000
    /// Uncompressed bytes of a small part: content types, relationships, the workbook, styles.
    package var smallPart = 16 << 20
    /// Uncompressed bytes of the shared-string part (streamed; what is kept is bounded by `sharedStringBytes`).
    package var sharedStringPart = 1 << 30
    /// Uncompressed bytes of a worksheet (streamed, so this bounds time, not memory: 1,000,000 rows of paper
    /// results are about 630 MB).
    package var worksheetPart = 4 << 30
    /// Memory for the shared-string table: the text plus 4 bytes per string. 1,000,000 distinct 11-digit student
    /// IDs take 15 MB; with the scoring's own 45 MB that keeps a run under 64 MB.
    package var sharedStringBytes = 16 << 20
    /// Bytes of one cell's text (Excel allows 32,767 characters, at most about 128 KB).
    package var cellBytes = 1 << 20
    /// Uncompressed ÷ compressed size of a part above 1 MiB; deflate cannot do better than about 1,032, and real
    /// sheets stay under 100.
    package var compressionRatio = 1_000
    /// The last row number read (Excel's sheets end at 1,048,576; LibreOffice's at 16,777,216).
    package var rows = 16_777_216

    package init() {}
}
