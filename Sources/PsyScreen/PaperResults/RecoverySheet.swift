/// What `take` writes when the database fails for good while a student answers (a full disk, a damaged file):
/// the student's answers of the sitting as one paper-results record, in the columns of the data-entry template,
/// so that `psyscreen import --wave W --battery B FILE` stores them like a keyed-in paper sheet.
package enum RecoverySheet {
    /// The file's text: header and one record. `answers` are in battery item order (nil: not answered).
    package static func csv(battery: Battery, studentID: String, answers: [Int?]) -> String {
        let columns = ResultColumns(battery.instruments).itemColumnNames
        let header = (["student_id"] + columns).joined(separator: ",")
        let values = answers.map { $0.map(String.init) ?? "" }
        return header + "\n" + ([CSVField.encoded(studentID)] + values).joined(separator: ",") + "\n"
    }
}
