/// The JSON records of an exchange file (`psyscreen export`), version 2. Field names are snake_case; every
/// figure is a count or a sum over a school or grade or a group of those — nothing about one student — and a
/// figure the wave's disclosure pattern hides is absent (or `null`).
struct ExchangeDocument: Codable {
    var format: String
    var formatVersion: Int
    /// True for a file written from an open wave with `--draft`: never merged.
    var draft: Bool?
    var stamp: ReportStamp
    var scales: [CohortColumn]
    var units: [ExchangeUnit]

    enum CodingKeys: String, CodingKey {
        case format, draft, stamp, scales, units
        case formatVersion = "format_version"
    }
}

struct ExchangeUnit: Codable {
    var level: CohortUnit.Level
    var school: String
    var grade: String
    /// `gender=F`, `major=护理`, or empty.
    var group: String
    var enrolled: Int
    var screened: Int?
    var partial: Int?
    var refused: Int?
    var notScreened: Int?
    var onLeave: Int?
    var onInternship: Int?
    /// Cohort students per published warning level (`red`, `orange`, `yellow`); null where hidden.
    var levels: [String: Int?]
    var scales: [ExchangeScale]

    enum CodingKeys: String, CodingKey {
        case level, school, grade, group, enrolled, screened, partial, refused, levels, scales
        case notScreened = "not_screened"
        case onLeave = "on_leave"
        case onInternship = "on_internship"
    }
}

struct ExchangeScale: Codable {
    /// `phq9.total`.
    var scale: String
    var n: Int?
    /// Per band id; null where hidden.
    var bands: [String: Int?]
    /// Where the unit's distribution is published: count, sum and sum of squares of the scores as counted
    /// (score × 10^decimals), and their median.
    var count: Int?
    var sum: Double?
    var sumOfSquares: Double?
    var median: Double?
    /// Where the histogram is published: respondents per counted score, distinct scores only. It gives the exact
    /// median of a merge.
    var histogram: [String: Int]?
    /// Where alpha is published.
    var cronbachAlpha: Double?
    /// Where published: the item sums alpha follows from.
    var alpha: AlphaAccumulator?

    enum CodingKeys: String, CodingKey {
        case scale, n, bands, count, sum, median, histogram, alpha
        case sumOfSquares = "sum_of_squares"
        case cronbachAlpha = "cronbach_alpha"
    }
}
