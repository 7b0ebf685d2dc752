import Foundation

/// A student's status on the roster. Only `enrolled` students are in the coverage denominator; students on leave
/// or on internship are counted and shown apart.
package enum EnrollmentStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case enrolled
    case leave
    case internship
    case withdrawn

    /// Parses the English word or the Chinese one a school's roster uses (在籍, 休学, 实习, 退学).
    package init?(roster text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "enrolled", "在籍", "在读", "在校": self = .enrolled
        case "leave", "on leave", "休学": self = .leave
        case "internship", "实习", "顶岗实习", "跟岗实习": self = .internship
        case "withdrawn", "退学", "离校": self = .withdrawn
        default: return nil
        }
    }
}
