/// The language of psyscreen's own words: messages, summaries, table headings, prompts, forms and reports.
/// Instrument and battery texts come from their XML files, in this language when the file has it.
package enum Language: String, CaseIterable, Hashable, Sendable {
    case chinese = "zh-Hans"
    case english = "en"

    /// Reads a language tag or a locale name, case-insensitively: `zh-Hans`, `zh`, `zh-CN`, `zh_CN.UTF-8`,
    /// `zh_TW` (Simplified Chinese is the Chinese psyscreen speaks) are Chinese; `en`, `en-US`, `en_GB.UTF-8` are
    /// English; anything else is nil.
    package init?(tag: String) {
        let lower = tag.lowercased()
        func isLanguage(_ code: String) -> Bool {
            lower == code || [code + "-", code + "_", code + "."].contains { lower.hasPrefix($0) }
        }
        if isLanguage("zh") {
            self = .chinese
        } else if isLanguage("en") {
            self = .english
        } else {
            return nil
        }
    }

    /// The tag instrument texts are looked up with (`xml:lang`).
    package var tag: String { rawValue }
}
