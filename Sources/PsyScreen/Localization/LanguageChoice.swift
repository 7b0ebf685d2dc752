/// The one rule that chooses the language of every human-facing text, for every command: `--lang`, else
/// `PSYSCREEN_LANG`, else the locale (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, the first that is set: a `zh…`
/// locale is Chinese), else English.
package struct LanguageChoice: Hashable, Sendable {
    package static let environmentVariable = "PSYSCREEN_LANG"
    /// The locale variables, in the order POSIX gives them precedence.
    package static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    package var language: Language
    /// `PSYSCREEN_LANG` when it was set to something that is not a language psyscreen speaks (it was ignored).
    package var ignoredSetting: String?

    /// - Parameter explicit: `--lang`, when given.
    package init(explicit: Language?, environment: [String: String]) {
        ignoredSetting = nil
        if let explicit {
            language = explicit
            return
        }
        if let setting = environment[Self.environmentVariable], !setting.isEmpty {
            if let chosen = Language(tag: setting) {
                language = chosen
                return
            }
            ignoredSetting = setting
        }
        let locale = Self.localeVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        language = locale.flatMap { Language(tag: $0) } == .chinese ? .chinese : .english
    }
}
