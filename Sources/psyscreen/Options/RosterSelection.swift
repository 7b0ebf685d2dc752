import ArgumentParser
import PsyScreen
import PsyScreenStore

/// `--school`, `--grade`, `--class`: which enrolled students a pre-filled form or workbook is for.
struct RosterSelection: ParsableArguments {
    @Option(help: "Pre-filled: only this school.") var school: String?
    @Option(help: "Pre-filled: only this grade.") var grade: String?
    @Option(name: .customLong("class"), help: "Pre-filled: only this class.") var className: String?

    var isEmpty: Bool { school == nil && grade == nil && className == nil }

    /// The enrolled students chosen, in roster order; an error when there are none.
    func students(in store: any ScreeningStore) throws -> [Student] {
        let students = try store.enrolledStudents(school: school, grade: grade, className: className)
        guard !students.isEmpty else {
            throw CLIError(
                CommandMessage.noEnrolledStudents(school: school, grade: grade, className: className), file: store.path)
        }
        return students
    }
}
