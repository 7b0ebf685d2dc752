import Foundation
import XCTest

extension XCTestCase {
    /// A fresh empty folder under the system temporary folder, removed when the test ends (pass or fail).
    package func makeTemporaryDirectory(_ label: String = "psyscreen") -> String {
        let path = Fixtures.temporaryDirectory(label)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
