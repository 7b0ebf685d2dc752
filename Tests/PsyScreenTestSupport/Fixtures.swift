import Foundation
import PsyScreen

/// Paths into the repository and the shipped catalog, shared by the test targets.
package enum Fixtures {
    /// The repository root (this file is Tests/PsyScreenTestSupport/Fixtures.swift).
    package static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    package static let instrumentsDirectory = repositoryRoot + "/instruments"
    package static let samplesDirectory = repositoryRoot + "/samples"
    package static let schemaPath = instrumentsDirectory + "/psyscreen.xsd"

    /// The shipped instruments, loaded once.
    package static let catalog: InstrumentCatalog = {
        do {
            return try InstrumentCatalog.load(directory: instrumentsDirectory)
        } catch {
            fatalError("the shipped instruments do not load:\n\(error)")
        }
    }()

    package static func instrument(_ id: String) -> Instrument {
        guard let instrument = catalog.instrument(id) else { fatalError("no shipped instrument \(id)") }
        return instrument
    }

    package static func engine(_ id: String) -> ScoringEngine { ScoringEngine(instrument(id)) }

    /// A fresh empty directory under the system temporary folder, removed by the caller (or left for the OS).
    package static func temporaryDirectory(_ label: String = "psyscreen") -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
