#if os(Linux)
    import CMalloc
#endif

/// How the process's memory allocator is set up for commands that split their work over threads.
enum ProcessMemory {
    /// One heap for every thread. glibc gives each thread that allocates a heap (arena) of its own and keeps what
    /// was freed in the heap it came from: a report counted, decoded and built on several threads then holds
    /// memory freed on one thread that the next step, on another, cannot reuse (60–130 MB more at a million
    /// students, measured). Call before the first thread starts.
    static func oneHeap() {
        #if os(Linux)
            _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
