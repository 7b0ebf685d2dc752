/// The version of psyscreen, stamped on every report.
public enum PsyScreenVersion {
    public static let current = "0.1.0"
}
