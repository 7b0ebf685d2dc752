/// The language of the terminal flow's own words (prompts, notices, help). Instrument and battery texts come from
/// their XML files in the same language.
package enum SessionLanguage: String, CaseIterable, Hashable, Sendable {
    case chinese = "zh-Hans"
    case english = "en"
}
