/// A parsed battery file, resolved once the instruments it names are known.
package struct BatteryFile: Sendable {
    let root: XMLElementValue
    package let file: String

    /// The battery's id as written in the file.
    package var id: String { root.attribute("id") ?? "" }

    /// The instrument ids the battery lists.
    var instrumentIDs: [String] { root.children(named: "instrument").compactMap { $0.attribute("ref") } }

    /// Resolves instrument references through `lookup` and checks the policy against them. `unusable` names the
    /// file of an instrument id that exists but has errors.
    package func resolve(
        _ lookup: (String) -> Instrument?, unusable: (String) -> String? = { _ in nil }
    ) throws(InputError) -> Battery {
        try withoutActuallyEscaping(lookup) { lookup throws(InputError) in
            try withoutActuallyEscaping(unusable) { unusable throws(InputError) in
                var decoder = BatteryDecoder(root: root, file: file, lookup: lookup, unusable: unusable)
                return try decoder.decode().get()
            }
        }
    }
}
