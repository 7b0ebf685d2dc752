/// The summary's reminder that some sheets not scored or not stored still hold a crisis answer: with `--errors`
/// the details are in a file, and this line is all a counselor sees on the screen.
enum CrisisNotice {
    /// For the rejected count of `score`: `1 raising a crisis flag: check its paper form today`.
    static func rejected(_ count: Int) -> String {
        "\(count) raising a crisis flag: check \(count == 1 ? "its paper form" : "their paper forms") today"
    }

    /// For `import`, whose sheets may be rejected or not on the roster.
    static func notStored(_ count: Int) -> String {
        "\(count) sheet\(count == 1 ? "" : "s") not stored raise\(count == 1 ? "s" : "") a crisis flag: check \(count == 1 ? "its paper form" : "their paper forms") today"
    }
}
