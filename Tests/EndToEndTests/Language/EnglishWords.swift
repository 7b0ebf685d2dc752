import Foundation
import PsyScreen
import PsyScreenStore
import PsyScreenTestSupport

/// Finds English words in output meant for a Chinese reader, leaving alone what is not English prose: ids
/// (instruments, items, scales, bands, flags, batteries), column keys, option names, command names, file names and
/// paths, the data of the test (the wave's name, the OS user), and the names of the programs psyscreen talks about.
struct EnglishWords {
    /// Words that may stand alone: ids split into their letters (`phq9` → `phq`, `moderately-severe` → both),
    /// command and program names.
    private(set) var words: Set<String>
    /// Whole tokens that may appear: column keys (`student_id`, `phq9.total.band`), language tags.
    private(set) var tokens: Set<String>
    /// Exact texts that may appear inside a line: an instrument file's own words (copyright, citations, notes).
    private(set) var texts: [String] = []

    init(catalog: InstrumentCatalog, data: [String] = []) {
        var ids: [String] = []
        for instrument in catalog.instruments {
            ids.append(instrument.id)
            ids += instrument.items.map(\.id) + instrument.scales.map(\.id) + instrument.flags.map(\.id)
            ids += instrument.scales.flatMap { $0.bands.map(\.id) } + instrument.responseSets.map(\.id)
            // Texts from the files, as published: a title with no Chinese version (K10, CES-D) is shown in English.
            texts += [instrument.copyright] + instrument.citations + instrument.notes + instrument.title.translations.map(\.text)
        }
        ids += catalog.batteries.map(\.id)
        let commands = [
            "psyscreen", "validate", "instruments", "show", "template", "form", "score", "roster", "import", "coverage",
            "unscreened", "results", "warnings", "follow", "up", "history", "audit", "take", "report", "export", "merge",
            "key", "init", "db", "check", "backup", "grant", "copy", "wave", "close", "open",
        ]
        // Names of programs, formats and standards psyscreen names (in Chinese text too).
        let names = [
            "sqlite", "libxml", "argument", "parser", "utf", "gb", "csv", "pdf", "html", "json", "xsd", "xml", "excel",
            "wps", "chromium", "apt", "get", "debian", "ubuntu", "sha", "integrity", "doctype", "dtd", "id", "ctrl",
            "auto", "tab", "new", "contacted", "counseling", "referred", "closed", "enrolled", "leave", "internship",
            "withdrawn", "path", "dir", "readme", "human", "keys", "table", "md", "xlsx", "xls", "zip", "postgresql",
        ]
        words = Set((ids + commands + names + data).flatMap(Self.letterRuns))
        let columns =
            ColumnHeading.fixed.map(\.key)
            + catalog.instruments.flatMap { instrument in
                ResultColumns([instrument]).names + ResultColumns([instrument]).itemColumnNames
            }
        // Table names: what `db copy` counts.
        tokens = Set(
            columns + StoreTables.all.map(\.name) + Language.allCases.map(\.rawValue) + [
                "min-answered", "min-seconds", "PSYSCREEN_LANG", "PSYSCREEN_DB", "PSYSCREEN_INSTRUMENTS",
            ])
    }

    /// The English words of `line` that none of the allowances covers.
    func find(in line: String) -> [String] {
        var line = line
        for text in texts where !text.isEmpty { line = line.replacingOccurrences(of: text, with: " ") }
        var found: [String] = []
        let separators = Set(" \t（）：，、；。“”‘’'\"()[],;|=<>").union(["—", "·"])
        for run in line.split(whereSeparator: { !$0.isASCII || separators.contains($0) }) {
            let token = String(run).trimmingCharacters(in: CharacterSet(charactersIn: ":.,;!?"))
            if token.isEmpty || tokens.contains(token) || token.hasPrefix("-") || token.contains("/") || Self.isFileName(token)
                || Self.isHash(token)
            {
                continue
            }
            for word in Self.letterRuns(token) where word.count >= 2 && !words.contains(word) {
                found.append(word)
            }
        }
        return found
    }

    /// `paper.csv`, or a place in it: `paper.csv:7:13`, `book.xlsx!成绩:B2`; an extension alone (`.xls`).
    private static func isFileName(_ token: String) -> Bool {
        let name = token.split(separator: ":").first.map(String.init) ?? token
        return ["csv", "xml", "sqlite", "json", "html", "pdf", "key", "md", "xsd", "xlsx", "xls", "xlsb", "ods"].contains {
            name.lowercased().hasSuffix("." + $0)
        }
    }

    /// A SHA-256 digest or its prefix (`sha256:6fcce02c…`, `59764abe6630`).
    private static func isHash(_ token: String) -> Bool {
        let digits = token.hasPrefix("sha256:") ? String(token.dropFirst(7)) : token
        return digits.count >= 12 && digits.allSatisfy(\.isHexDigit)
    }

    private static func letterRuns(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
    }
}
