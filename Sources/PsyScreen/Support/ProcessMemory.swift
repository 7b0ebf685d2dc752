import Foundation

#if os(Linux)
    import CMalloc
#endif

/// How glibc's allocator is set up (`mallopt`), the one place that does it: for commands that split their work over
/// threads, and for the audit's programs.
package enum ProcessMemory {
    /// One heap for every thread. glibc gives each thread that allocates a heap (arena) of its own and keeps what
    /// was freed in the heap it came from: a report counted, decoded and built on several threads then holds
    /// memory freed on one thread that the next step, on another, cannot reuse (60–130 MB more at a million
    /// students, measured). Call before the first thread starts.
    package static func oneHeap() {
        #if os(Linux)
            _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }

    /// Freed memory stays with the process: never trimmed, and blocks up to 32 MB from the heap rather than
    /// mappings of their own. Every simplex run allocates GLPK's working copy of its program and factorization
    /// (megabytes) and frees it; glibc would give it back to the system and take it again, page by page, on every
    /// run (a tenth of the CPU). Once per process (``LinearProgram`` asks for it when it first builds a program).
    package static let keepsFreedMemory: Bool = {
        #if os(Linux)
            return mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1 && mallopt(M_MMAP_THRESHOLD, 1 << 25) == 1
        #else
            return false
        #endif
    }()
}
