/// Reads instrument and battery files: a hardened libxml2 parse, validation against `psyscreen.xsd`, then the
/// semantic checks the schema cannot express. Every problem is reported as `FILE:LINE[:COLUMN]: error: …`.
package struct InstrumentLoader: Sendable {
    /// What one file holds.
    package enum Document: Sendable {
        case instrument(Instrument)
        /// A battery still to be resolved against the instruments it names.
        case battery(BatteryFile)
    }

    /// Questionnaire files are small; anything larger is a mistake or an attack.
    package static let sizeLimit = 1 << 20
    package static let schemaFileName = "psyscreen.xsd"

    private let schema: LibXMLSchema

    /// Loads the schema from `schemaPath` (normally `instruments/psyscreen.xsd`).
    package init(schemaPath: String) throws(InputError) {
        schema = try LibXMLSchema(path: schemaPath)
    }

    /// Parses, validates and decodes one file.
    package func load(_ path: String) throws(InputError) -> Document {
        let bytes = try FileBytes.read(path, limit: Self.sizeLimit)
        return try load(bytes, file: path)
    }

    /// Same, for bytes already in memory; `file` names them in diagnostics.
    package func load(_ bytes: [UInt8], file: String) throws(InputError) -> Document {
        var diagnostics: [Diagnostic] = []
        let root: XMLElementValue
        do {
            root = try LibXMLDocumentReader.read(bytes, file: file, schema: schema)
        } catch {
            // A tree that parsed but broke the schema is still decoded, so that semantic problems are reported in
            // the same run; one that did not parse has nothing more to say.
            guard let tree = try? LibXMLDocumentReader.read(bytes, file: file) else { throw error }
            diagnostics = error.diagnostics
            root = tree
        }
        switch root.name {
        case "instrument":
            var decoder = InstrumentDecoder(root: root, file: file)
            switch decoder.decode() {
            case .success(let instrument) where diagnostics.isEmpty:
                return .instrument(instrument)
            case .success:
                throw InputError(diagnostics)
            case .failure(let error):
                let schema = diagnostics.filter { diagnostic in
                    !decoder.numberErrors.contains {
                        $0.line == diagnostic.location.line && diagnostic.message.english.contains($0.schemaSays)
                    }
                }
                throw InputError(Self.merge(schema, error.diagnostics))
            }
        case "battery":
            if !diagnostics.isEmpty { throw InputError(diagnostics) }
            return .battery(BatteryFile(root: root, file: file))
        default:
            if !diagnostics.isEmpty { throw InputError(diagnostics) }
            throw InputError(
                at: SourceLocation(file: file, line: root.line),
                InstrumentMessage.unexpectedRoot(root.name))
        }
    }

    /// The id a file's root element claims, read without the schema; nil when the file cannot be read that far.
    package func claimedID(_ path: String) -> String? {
        guard let bytes = try? FileBytes.read(path, limit: Self.sizeLimit),
            let root = try? LibXMLDocumentReader.read(bytes, file: path)
        else { return nil }
        return root.attribute("id")
    }

    /// Schema and semantic diagnostics in line order, without repeating a line's identical message.
    private static func merge(_ first: [Diagnostic], _ second: [Diagnostic]) -> [Diagnostic] {
        var all = first
        for diagnostic in second where !all.contains(diagnostic) { all.append(diagnostic) }
        return all.enumerated().sorted {
            ($0.element.location.line, $0.offset) < ($1.element.location.line, $1.offset)
        }.map(\.element)
    }
}
