#if canImport(Glibc)
    import Glibc
#endif

/// How the process's memory allocator is set up for commands that split their work over threads.
enum ProcessMemory {
    /// One heap for every thread. glibc gives each thread that allocates a heap (arena) of its own and keeps what
    /// was freed in the heap it came from: a report counted, decoded and built on several threads then holds
    /// memory freed on one thread that the next step, on another, cannot reuse (60–130 MB more at a million
    /// students, measured). Call before the first thread starts.
    static func oneHeap() {
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out: looked up by name instead.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let arenaMax: Int32 = -8  // M_ARENA_MAX
            _ = mallopt(arenaMax, 1)
        #endif
    }
}
