/// A parsed battery file, resolved once the instruments it names are known.
package struct BatteryFile: Sendable {
    let root: XMLElementValue
    package let file: String

    /// The battery's id as written in the file.
    package var id: String { root.attribute("id") ?? "" }

    /// Resolves instrument references through `lookup` and checks the policy against them.
    package func resolve(_ lookup: (String) -> Instrument?) throws(InputError) -> Battery {
        try withoutActuallyEscaping(lookup) { lookup throws(InputError) in
            var decoder = BatteryDecoder(root: root, file: file, lookup: lookup)
            return try decoder.decode().get()
        }
    }
}
