extension Battery {
    /// A battery made on the spot from instruments given one by one (`--instrument phq9 --instrument gad7`):
    /// no texts, and the only policy is the safe one — every crisis flag gives red.
    package static func adHoc(_ instruments: [Instrument]) -> Battery {
        let red = instruments.flatMap { instrument in
            instrument.crisisFlags.map {
                WarningPolicy.Condition.flag(instrument: instrument.id, flag: $0.id)
            }
        }
        return Battery(
            id: instruments.map(\.id).joined(separator: "+"), version: instruments.map(\.version).joined(separator: "+"),
            title: LocalizedText(instruments.map(\.id).joined(separator: " + ")), instruments: instruments,
            consent: LocalizedText(""), closing: LocalizedText(""), crisis: LocalizedText(""), minimumSeconds: nil,
            policy: WarningPolicy(conditions: red.isEmpty ? [:] : [.red: red]), source: "")
    }
}
