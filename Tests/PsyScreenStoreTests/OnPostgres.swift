import XCTest

// The store tests again, on PostgreSQL: one subclass per test class, overriding every test (Linux's test discovery
// does not find inherited test methods; `testEveryStoreTestRunsOnPostgres` checks that none is left out). Skipped,
// saying so, without PSYSCREEN_TEST_POSTGRES.

final class CohortStoreOnPostgresTests: CohortStoreTests {
    override class var backend: StoreBackend { .postgres }
    override func testExtractionEqualsCountingTheScoredSheetsDirectly() throws {
        try super.testExtractionEqualsCountingTheScoredSheetsDirectly()
    }
    override func testALaterSheetReplacesTheEarlierOneAndRedSticks() throws {
        try super.testALaterSheetReplacesTheEarlierOneAndRedSticks()
    }
    override func testCohortWithoutLeavesHasTheSameUnits() throws { try super.testCohortWithoutLeavesHasTheSameUnits() }
    override func testAnUnknownWaveIsRefusedWithTheKnownOnes() throws { try super.testAnUnknownWaveIsRefusedWithTheKnownOnes() }
    override func testDeidentifiedRowsRepeatThePseudonymAcrossWavesAndHoldNoID() throws {
        try super.testDeidentifiedRowsRepeatThePseudonymAcrossWavesAndHoldNoID()
    }
}

final class CrisisAgreementOnPostgresTests: CrisisAgreementTests {
    override class var backend: StoreBackend { .postgres }
    override func testEveryPathAgreesOnFlagsAndLevel() throws { try super.testEveryPathAgreesOnFlagsAndLevel() }
}

final class EnrolledStudentsOnPostgresTests: EnrolledStudentsTests {
    override class var backend: StoreBackend { .postgres }
    override func testOnlyEnrolledStudentsInRosterOrder() throws { try super.testOnlyEnrolledStudentsInRosterOrder() }
}

final class PaperImportStoreOnPostgresTests: PaperImportStoreTests {
    override class var backend: StoreBackend { .postgres }
    override func testImportingTheSameFileTwiceChangesNothing() throws { try super.testImportingTheSameFileTwiceChangesNothing() }
    override func testASecondSheetBecomesTheAttemptThatCounts() throws { try super.testASecondSheetBecomesTheAttemptThatCounts() }
    override func testStagedSheetsAreSeenOnlyOncePublishedAndDroppedOnesNever() throws {
        try super.testStagedSheetsAreSeenOnlyOncePublishedAndDroppedOnesNever()
    }
    override func testAnImportNeverPublishedLeavesNothing() throws { try super.testAnImportNeverPublishedLeavesNothing() }
    override func testListingsStreamEveryStudentInRosterOrderWhateverTheirNumber() throws {
        try super.testListingsStreamEveryStudentInRosterOrderWhateverTheirNumber()
    }
    override func testEverySheetKeepsItsOwnAnswersAcrossManySheetsStrangersAndDrops() throws {
        try super.testEverySheetKeepsItsOwnAnswersAcrossManySheetsStrangersAndDrops()
    }
    override func testStrangersAreReportedAndNotStored() throws { try super.testStrangersAreReportedAndNotStored() }
    override func testItem9EndorsedWithTooManyBlanksIsRed() throws { try super.testItem9EndorsedWithTooManyBlanksIsRed() }
    override func testCoverageWithLeaveAndInternshipNeverAbove100() throws {
        try super.testCoverageWithLeaveAndInternshipNeverAbove100()
    }
    override func testCoveragePercentHasOneDecimal() throws { try super.testCoveragePercentHasOneDecimal() }
    override func testFollowUpsAreAddedNeverOverwritten() throws { try super.testFollowUpsAreAddedNeverOverwritten() }
    override func testRedSticksWhenALaterSheetIsCalmer() throws { try super.testRedSticksWhenALaterSheetIsCalmer() }
}

final class RosterStoreOnPostgresTests: RosterStoreTests {
    override class var backend: StoreBackend { .postgres }
    override func testReimportMovesAStudentWithoutDuplicating() throws { try super.testReimportMovesAStudentWithoutDuplicating() }
    override func testTheDatabaseFileIsOwnerOnly() throws { try super.testTheDatabaseFileIsOwnerOnly() }
    override func testEveryImportIsAudited() throws { try super.testEveryImportIsAudited() }
    override func testMaskedNames() { super.testMaskedNames() }
    override func testChineseStatuses() { super.testChineseStatuses() }
}

final class TerminalSessionStoreOnPostgresTests: TerminalSessionStoreTests {
    override class var backend: StoreBackend { .postgres }
    override func testEachAnswerIsStoredAndACrisisAnswerIsRedAtOnce() throws {
        try super.testEachAnswerIsStoredAndACrisisAnswerIsRedAtOnce()
    }
    override func testRedSticksWhenTheCrisisAnswerIsChanged() throws { try super.testRedSticksWhenTheCrisisAnswerIsChanged() }
    override func testAResumingTerminalSeesTheSittingSoFarAndTheMaskedName() throws {
        try super.testAResumingTerminalSeesTheSittingSoFarAndTheMaskedName()
    }
    override func testARefusalIsCountedApart() throws { try super.testARefusalIsCountedApart() }
    override func testFinishingComputesTheSittingTimeRule() throws { try super.testFinishingComputesTheSittingTimeRule() }
}

/// Every test of a store test class has its PostgreSQL twin.
final class OnPostgresCompletenessTests: XCTestCase {
    func testEveryStoreTestRunsOnPostgres() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let twins = try String(contentsOf: folder.appendingPathComponent("OnPostgres.swift"), encoding: .utf8)
        for name in [
            "CohortStoreTests", "CrisisAgreementTests", "EnrolledStudentsTests", "PaperImportStoreTests", "RosterStoreTests",
            "TerminalSessionStoreTests",
        ] {
            let source = try String(contentsOf: folder.appendingPathComponent(name + ".swift"), encoding: .utf8)
            let tests = source.components(separatedBy: "\n    func test").dropFirst().map { String($0.prefix { $0 != "(" }) }
            XCTAssertFalse(tests.isEmpty, name)
            for test in tests {
                XCTAssertTrue(twins.contains("override func test\(test)("), "\(name).test\(test) has no twin in OnPostgres.swift")
            }
        }
    }
}
