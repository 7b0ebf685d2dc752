import CLibXML2

/// Process-wide libxml2 set-up, done once: the parser and the schema type tables initialise lazily and
/// without a lock in libxml2 2.9, which races when two threads parse at once.
enum LibXMLGlobal {
    private static let once: Void = {
        xmlInitParser()
        xmlSchemaInitTypes()
        // Everything that matters arrives through the structured handlers; the generic channel would print
        // straight to stderr (I/O warnings) with no file or line.
        psyscreen_silenceGenericErrors()
    }()

    static func initialize() { _ = once }
}
