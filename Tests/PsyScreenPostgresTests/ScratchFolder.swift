import Foundation
import PsyScreenTestSupport
import XCTest

extension XCTestCase {
    /// A fresh folder removed when the test ends.
    func scratchFolder() -> String {
        let path = Fixtures.temporaryDirectory("pgtest")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
