import Foundation
import PsyScreen

/// Where `take` keeps a student's answers when the database fails for good: a new owner-only file beside the
/// database, `psyscreen-recovery-WAVE-STUDENT-TIME-PID.csv`, written through the one output rule.
enum RecoveryFile {
    /// The file's path, or nil if it could not be written (the disk may be the full one).
    static func write(_ text: String, database: String, wave: String, studentID: String) -> String? {
        let directory = (database as NSString).deletingLastPathComponent
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let name =
            "psyscreen-recovery-\(safe(wave))-\(safe(studentID))-\(formatter.string(from: Date()))-\(ProcessInfo.processInfo.processIdentifier).csv"
        let path = (directory.isEmpty ? "." : directory) + "/" + name
        var rule = OutputGuard()
        rule.protectDatabase(database)
        do {
            let file = try rule.open(path, mode: 0o600)
            let writer = ByteWriter(fileDescriptor: file.fileDescriptor, name: path)
            try writer.write(text)
            try writer.flush()
            try file.commit()
            return path
        } catch {
            return nil
        }
    }

    /// Letters, digits, `-` and `_` of a name, for a file name.
    private static func safe(_ text: String) -> String {
        String(
            text.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
    }
}
