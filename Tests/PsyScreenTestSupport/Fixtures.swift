import Foundation
import PsyScreen

/// Paths into the repository and the shipped catalog, shared by the test targets.
public enum Fixtures {
    /// The repository root (this file is Tests/PsyScreenTestSupport/Fixtures.swift).
    public static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    public static let instrumentsDirectory = repositoryRoot + "/instruments"
    public static let samplesDirectory = repositoryRoot + "/samples"
    public static let schemaPath = instrumentsDirectory + "/psyscreen.xsd"

    /// The shipped instruments, loaded once.
    public static let catalog: InstrumentCatalog = {
        do {
            return try InstrumentCatalog.load(directory: instrumentsDirectory)
        } catch {
            fatalError("the shipped instruments do not load:\n\(error)")
        }
    }()

    public static func instrument(_ id: String) -> Instrument {
        guard let instrument = catalog.instrument(id) else { fatalError("no shipped instrument \(id)") }
        return instrument
    }

    public static func engine(_ id: String) -> ScoringEngine { ScoringEngine(instrument(id)) }

    /// A fresh empty directory under the system temporary folder, removed by the caller (or left for the OS).
    public static func temporaryDirectory(_ label: String = "psyscreen") -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
