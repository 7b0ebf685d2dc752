/// The JSON records of an exchange file (`psyscreen export`), version 1. Field names are snake_case; every
/// figure is a count or a sum over a school or grade — nothing about one student.
struct ExchangeDocument: Codable {
    var format: String
    var formatVersion: Int
    var stamp: ReportStamp
    var scales: [CohortColumn]
    var units: [ExchangeUnit]

    enum CodingKeys: String, CodingKey {
        case format, stamp, scales, units
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
    var screened: Int
    var partial: Int
    var refused: Int
    var notScreened: Int
    var onLeave: Int
    var onInternship: Int
    /// Cohort students per warning level: `none`, `yellow`, `orange`, `red`.
    var levels: [String: Int]
    var scales: [ExchangeScale]
    /// Cells the school's own report hid (``CohortCell`` names): a merged report hides them too.
    var withheld: [String]

    enum CodingKeys: String, CodingKey {
        case level, school, grade, group, enrolled, screened, partial, refused, levels, scales, withheld
        case notScreened = "not_screened"
        case onLeave = "on_leave"
        case onInternship = "on_internship"
    }
}

struct ExchangeScale: Codable {
    /// `phq9.total`.
    var scale: String
    var n: Int
    var bands: [String: Int]
    var unbanded: Int
    /// Of the scores as counted (score × 10^decimals of the scale).
    var sum: Double
    var sumOfSquares: Double
    /// Respondents per counted score: gives the exact median of any merge.
    var histogram: [String: Int]
    var alpha: AlphaAccumulator

    enum CodingKeys: String, CodingKey {
        case scale, n, bands, unbanded, sum, histogram, alpha
        case sumOfSquares = "sum_of_squares"
    }
}
