#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the operating system said went wrong (an `errno` value): the C library's English text, and ours in
/// Chinese for the errors a school meets (a missing file, no permission, a full disk).
package struct SystemError: Message, Hashable {
    package var code: Int32

    package init(_ code: Int32) { self.code = code }

    package var english: String { String(cString: strerror(code)) }
}
