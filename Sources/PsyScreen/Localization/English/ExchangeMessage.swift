/// Why an exchange file (`psyscreen export`) cannot be read or merged: the messages of ``CohortExchangeError``.
package enum ExchangeMessage: Message, Hashable {
    case notAnExchangeFile
    case cannotRead(String)
    case otherFormat(String)
    case unsupportedVersion(Int, supported: Int)
    case cannotReadFile
    case noFiles
    case otherWave(String, first: String, firstFile: String)
    case otherKeys(firstFile: String)
    case schoolInTwoFiles(school: String, otherFile: String)
    case unitTwice(String)
    case unknownWithheld(unit: String, name: String)
    case wrongLevel(String)
    case unknownGroup(String)
    case unitNeedsSchool(level: String, grade: Bool)
    case negativeCount(unit: String)
    case statesDoNotAddUp(unit: String)
    case noLevelCount(unit: String, level: String)
    case levelsDoNotAddUp(unit: String)
    case otherScales(unit: String)
    case bandNamesDiffer(unit: String, scale: String)
    case histogramKey(unit: String, scale: String, key: String)
    case badStatistics(unit: String, scale: String, MergedStatisticsError)
    case countsDisagree(unit: String, scale: String)
    case sumsDisagree(unit: String, scale: String)
    case alphaDoesNotFit(unit: String, scale: String)
    case notACount(unit: String, scale: String?, maximum: Int)
    case histogramKeyOutside(unit: String, scale: String, key: Int, range: String)
    case scaleDecimals(scale: String, decimals: Int, limit: Int)
    case scaleRangeTooLarge(scale: String, range: String, limit: Int)
    case scaleNotOfAnyInstrument(scale: String)
    case kOutOfRange(k: Int, floor: Int)
    case unitBelowK(unit: String, enrolled: Int, k: Int)
    case publishedLevels(unit: String)
    case levelsExceedScreened(unit: String)
    case bandsExceedN(unit: String, scale: String)
    case sumsNotOfN(unit: String, scale: String)
    case sumsGoTogether(unit: String, scale: String)
    case histogramDisagrees(unit: String, scale: String)
    case alphaWithoutDistribution(unit: String, scale: String)
    case draftFile
    case kBelowMinCell(k: Int, minCell: Int)

    package var english: String {
        switch self {
        case .notAnExchangeFile: "not a psyscreen exchange file (psyscreen export writes them)"
        case .cannotRead(let detail): "cannot read: \(detail)"
        case .otherFormat(let format): "not a psyscreen exchange file (format '\(format)')"
        case .unsupportedVersion(let version, let supported):
            "exchange format version \(version) is not supported (this psyscreen reads version \(supported)"
                + (version < supported ? "; export the wave again with this version" : "") + ")"
        case .cannotReadFile: "cannot read the file"
        case .noFiles: "no files to merge"
        case .otherWave(let wave, let first, let file): "wave '\(wave)' differs from '\(first)' of \(file)"
        case .otherKeys(let file):
            "its instruments or scoring keys differ from those of \(file): figures scored with different keys cannot be added up"
        case .schoolInTwoFiles(let school, let other): "school '\(school)' is also in \(other)"
        case .unitTwice(let unit): "unit \(unit) appears twice"
        case .unknownWithheld(let unit, let name): "unit \(unit): unknown withheld figure '\(name)'"
        case .wrongLevel(let level): "exchange files hold school and grade units, not '\(level)'"
        case .unknownGroup(let group): "unknown group '\(group)'"
        case .unitNeedsSchool(let level, let grade): "a \(level) unit needs a school\(grade ? " and a grade" : " and no grade")"
        case .negativeCount(let unit): "unit \(unit): a negative count"
        case .statesDoNotAddUp(let unit): "unit \(unit): screened, partial, refused and not screened do not add up to enrolled"
        case .noLevelCount(let unit, let level): "unit \(unit): no count for level '\(level)'"
        case .levelsDoNotAddUp(let unit): "unit \(unit): the warning levels do not add up to the screened count"
        case .otherScales(let unit): "unit \(unit): its scales differ from the file's scale list"
        case .bandNamesDiffer(let unit, let scale): "unit \(unit), \(scale): band names differ"
        case .histogramKey(let unit, let scale, let key): "unit \(unit), \(scale): histogram key '\(key)' is not a whole number"
        case .badStatistics(let unit, let scale, let error): "unit \(unit), \(scale): \(error.english)"
        case .countsDisagree(let unit, let scale): "unit \(unit), \(scale): band counts, histogram and n do not agree"
        case .sumsDisagree(let unit, let scale): "unit \(unit), \(scale): the sums do not match the histogram"
        case .alphaDoesNotFit(let unit, let scale): "unit \(unit), \(scale): the alpha sums do not fit the scale"
        case .notACount(let unit, let scale, let maximum):
            "unit \(unit)\(scale.map { ", \($0)" } ?? ""): a count must be a whole number from 0 to \(maximum)"
        case .histogramKeyOutside(let unit, let scale, let key, let range):
            "unit \(unit), \(scale): histogram key \(key) lies outside the scale's range \(range)"
        case .scaleDecimals(let scale, let decimals, let limit): "scale \(scale): \(decimals) decimals (at most \(limit))"
        case .scaleRangeTooLarge(let scale, let range, let limit):
            "scale \(scale): its range \(range) is larger than any scale's (±\(limit))"
        case .scaleNotOfAnyInstrument(let scale): "scale \(scale): its bands or items are not those of any instrument"
        case .kOutOfRange(let k, let floor): "the file was made with k = \(k), below \(floor)"
        case .unitBelowK(let unit, let enrolled, let k):
            "unit \(unit) has \(enrolled) students, fewer than k = \(k): exchange files hold no such unit"
        case .publishedLevels(let unit): "unit \(unit): the levels must be red, orange and yellow"
        case .levelsExceedScreened(let unit): "unit \(unit): the warning levels add up to more than the screened count"
        case .bandsExceedN(let unit, let scale): "unit \(unit), \(scale): the band counts add up to more than n"
        case .sumsNotOfN(let unit, let scale): "unit \(unit), \(scale): sums of fewer than k scores, or not of the n scores"
        case .sumsGoTogether(let unit, let scale): "unit \(unit), \(scale): count, sum, sum of squares and median go together"
        case .histogramDisagrees(let unit, let scale):
            "unit \(unit), \(scale): the histogram does not match the sums, the median or the band counts"
        case .alphaWithoutDistribution(let unit, let scale):
            "unit \(unit), \(scale): an alpha without the distribution, or above 1"
        case .draftFile: "a draft (written from an open wave): close the wave and export again"
        case .kBelowMinCell(let k, let minCell):
            "made with k = \(k), below --min-cell \(minCell): ask the school to export with --min-cell \(minCell)"
        }
    }
}
