/// The version of psyscreen, stamped on every report.
package enum PsyScreenVersion {
    package static let current = "0.1.0"
}
