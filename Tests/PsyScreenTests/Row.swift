import Foundation
import PsyScreen
import XCTest

/// A record as plain values, for comparing.
struct Row: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]

    init(_ line: Int, _ fields: [String]) {
        self.line = line
        self.fields = fields
    }

    var description: String { "\(line): \(fields)" }
}
