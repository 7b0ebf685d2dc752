/// The columns of psyscreen's tables: each has a key, the same in every language (CSV headers, JSON keys), and a
/// heading a person reads (terminal tables in Chinese, `--headers human`, workbooks).
package enum ColumnHeading: Message, Hashable {
    case studentID, name, school, grade, className, dorm, gender, major, campus, birthDate, status
    case state, level, reasons, reason, validity, source, time, followUp, followUpAt
    case red, orange, yellow, open
    case enrolled, screened, coveragePercent, partial, refused, notScreened, leave, internship
    /// The roll-up's unit level (class, grade, school), not a warning level.
    case unitLevel
    case user, action, detail
    case line, field, column, value
    /// An item column of paper results (`phq9_3`).
    case item(instrument: String, short: String, item: String)
    /// A score column (`phq9.total`) or its band (`phq9.total.band`).
    case scale(instrument: String, short: String, scale: String, label: LocalizedText, band: Bool)
    case flags(instrument: String, short: String)
    case scoringStatus(instrument: String, short: String)

    /// Every column with a fixed key, for looking a key up.
    package static let fixed: [ColumnHeading] = [
        .studentID, .name, .school, .grade, .className, .dorm, .gender, .major, .campus, .birthDate, .status, .state,
        .level, .reasons, .reason, .validity, .source, .time, .followUp, .followUpAt, .red, .orange, .yellow, .open,
        .enrolled, .screened, .coveragePercent, .partial, .refused, .notScreened, .leave, .internship, .user, .action,
        .detail, .line, .field, .column, .value,
    ]

    /// The machine name.
    package var key: String {
        switch self {
        case .studentID: "student_id"
        case .className: "class"
        case .birthDate: "birth_date"
        case .followUp: "follow_up"
        case .followUpAt: "follow_up_at"
        case .coveragePercent: "coverage_percent"
        case .notScreened: "not_screened"
        case .unitLevel, .level: "level"
        case .item(let instrument, _, let item): "\(instrument)_\(item)"
        case .scale(let instrument, _, let scale, _, let band): "\(instrument).\(scale)\(band ? ".band" : "")"
        case .flags(let instrument, _): "\(instrument).flags"
        case .scoringStatus(let instrument, _): "\(instrument).status"
        default: "\(self)"  // the case name: `school`, `not_screened` above are the exceptions
        }
    }

    package var english: String {
        switch self {
        case .studentID: "Student ID"
        case .name: "Name"
        case .school: "School"
        case .grade: "Grade"
        case .className: "Class"
        case .dorm: "Dorm"
        case .gender: "Gender"
        case .major: "Major"
        case .campus: "Campus"
        case .birthDate: "Date of birth"
        case .status: "Status"
        case .state: "Screening state"
        case .level: "Warning level"
        case .reasons: "Reasons"
        case .reason: "Reason"
        case .validity: "Validity"
        case .source: "Source"
        case .time: "Time"
        case .followUp: "Follow-up"
        case .followUpAt: "Follow-up time"
        case .red: "Red"
        case .orange: "Orange"
        case .yellow: "Yellow"
        case .open: "Open"
        case .enrolled: "Enrolled"
        case .screened: "Screened"
        case .coveragePercent: "Coverage %"
        case .partial: "Partial"
        case .refused: "Refused"
        case .notScreened: "Not screened"
        case .leave: "On leave"
        case .internship: "On internship"
        case .unitLevel: "Unit level"
        case .user: "User"
        case .action: "Action"
        case .detail: "Detail"
        case .line: "Line"
        case .field: "Field"
        case .column: "Column"
        case .value: "Value"
        case .item(_, let short, let item): "\(short) item \(item)"
        case .scale(_, let short, _, let label, let band): "\(short) \(label.english)\(band ? " band" : "")"
        case .flags(_, let short): "\(short) flags"
        case .scoringStatus(_, let short): "\(short) scoring status"
        }
    }
}
