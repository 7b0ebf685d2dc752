/// Where the fields of the current record of a ``RowSource`` live: the bytes, the spans of the fields, and a
/// generation that moves on with every record handed out.
///
/// A ``TableRecord`` keeps its storage alive and remembers its generation, so that a record used after the next
/// one was read stops the program with a clear message instead of reading bytes that were overwritten or freed.
/// The fields sit behind one pointer, so that reading them costs no exclusivity check per field.
final class RecordStorage {
    struct State {
        var base: UnsafePointer<UInt8>
        /// Start and end offsets into `base`, two per field.
        var spans: UnsafePointer<Int>
        var generation: Int
    }

    let state: UnsafeMutablePointer<State>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: Self.empty, spans: Self.noSpans, generation: 0))
    }

    deinit { state.deallocate() }

    /// Points at a new record's bytes and spans and returns its generation.
    @inline(__always)
    func publish(base: UnsafePointer<UInt8>, spans: UnsafePointer<Int>) -> Int {
        state.pointee.base = base
        state.pointee.spans = spans
        state.pointee.generation &+= 1
        return state.pointee.generation
    }

    /// Ends the current record's validity (before its bytes may move).
    @inline(__always)
    func invalidate() { state.pointee.generation &+= 1 }

    private nonisolated(unsafe) static let emptyBytes: UnsafeMutablePointer<UInt8> = .allocate(capacity: 1)
    private nonisolated(unsafe) static let emptySpans: UnsafeMutablePointer<Int> = .allocate(capacity: 2)
    static var empty: UnsafePointer<UInt8> { UnsafePointer(emptyBytes) }
    static var noSpans: UnsafePointer<Int> { UnsafePointer(emptySpans) }
}
