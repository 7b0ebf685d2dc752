import Foundation
import GRDB
import PsyScreen

/// A student whose school, grade or class changed, as `school/grade/class`.
package struct RosterMove: Hashable, Sendable {
    package var studentID: String
    package var from: String
    package var to: String

    package init(studentID: String, from: String, to: String) {
        self.studentID = studentID
        self.from = from
        self.to = to
    }
}

/// What a roster import changed.
package struct RosterImportSummary: Hashable, Sendable {
    package var added: Int
    package var updated: Int
    package var unchanged: Int
    package var moved: [RosterMove]
    /// Students on file but not in this roster (left as they are: their screenings stay).
    package var notInRoster: Int

    package init(added: Int, updated: Int, unchanged: Int, moved: [RosterMove], notInRoster: Int) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.moved = moved
        self.notInRoster = notInRoster
    }
}

extension SQLiteStore {
    /// Adds or updates every student in one transaction. A student who changed class moves; nobody is duplicated.
    package func importRoster(_ students: [Student], source: String) throws(StoreError) -> RosterImportSummary {
        try write { db in
            let now = clock()
            var summary = RosterImportSummary(added: 0, updated: 0, unchanged: 0, moved: [], notInRoster: 0)
            var seen: Set<String> = []
            let existingRecords = Dictionary(
                try StudentRecord.fetchAll(db).map { ($0.studentId, $0) }, uniquingKeysWith: { first, _ in first })
            for student in students {
                seen.insert(student.studentID)
                let record = StudentRecord(student, at: now)
                if let existing = existingRecords[student.studentID] {
                    if existing.sameContent(as: record) {
                        summary.unchanged += 1
                        continue
                    }
                    let from = "\(existing.school)/\(existing.grade)/\(existing.class)"
                    let to = "\(record.school)/\(record.grade)/\(record.class)"
                    if from != to { summary.moved.append(RosterMove(studentID: student.studentID, from: from, to: to)) }
                    try record.update(db)
                    summary.updated += 1
                } else {
                    try record.insert(db)
                    summary.added += 1
                }
            }
            summary.notInRoster = existingRecords.keys.filter { !seen.contains($0) }.count
            try audit(
                db,
                .rosterImport(
                    source: source, students: students.count, added: summary.added, updated: summary.updated,
                    moved: summary.moved.count, unchanged: summary.unchanged))
            return summary
        }
    }

    /// One student by (normalized) id.
    package func student(_ id: String) throws(StoreError) -> Student? {
        try read { db in try StudentRecord.fetchOne(db, key: StudentID.normalize(id))?.student() }
    }

    /// The whole roster, sorted by school, grade, class, id.
    package func students() throws(StoreError) -> [Student] {
        try read { db in try allStudents(db) }
    }
}
