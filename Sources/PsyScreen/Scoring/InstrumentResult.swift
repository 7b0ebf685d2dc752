/// Everything the engine computes for one instrument on one form.
package struct InstrumentResult: Hashable, Sendable {
    package var instrumentID: String
    package var instrumentVersion: String
    /// In the instrument's scale order.
    package var scales: [ScaleScore]
    /// Ids of the flags raised, in the instrument's flag order.
    package var flags: [String]
    /// Whether any raised flag is a crisis flag.
    package var hasCrisis: Bool
    package var validity: [ValidityFinding]
    /// The worst status over the scales.
    package var status: ScoringStatus

    package init(
        instrumentID: String, instrumentVersion: String, scales: [ScaleScore], flags: [String], hasCrisis: Bool,
        validity: [ValidityFinding], status: ScoringStatus
    ) {
        self.instrumentID = instrumentID
        self.instrumentVersion = instrumentVersion
        self.scales = scales
        self.flags = flags
        self.hasCrisis = hasCrisis
        self.validity = validity
        self.status = status
    }

    package func scale(_ id: String) -> ScaleScore? { scales.first { $0.scaleID == id } }
}
