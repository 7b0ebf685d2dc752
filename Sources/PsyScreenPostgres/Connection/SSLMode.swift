/// libpq's `sslmode`, and what psyscreen asks of the connection for each.
///
/// postgres-nio knows three TLS modes (off, preferred, required) and takes a TLS configuration that decides what
/// is checked; libpq's six modes map onto them as follows.
package enum SSLMode: String, CaseIterable, Hashable, Sendable {
    /// No TLS.
    case disable
    /// libpq tries without TLS first, then with it. postgres-nio cannot fall back that way round: treated as
    /// ``prefer`` (TLS when the server offers it, no certificate check), which connects wherever `allow` does.
    case allow
    /// TLS when the server offers it, plain otherwise; the certificate is not checked (libpq's default).
    case prefer
    /// TLS or no connection; the certificate is not checked, unless a root certificate file exists (then as
    /// ``verifyCA``, as libpq does).
    case require
    /// TLS, and the server's certificate must chain to the root certificate (`sslrootcert`, default
    /// `~/.postgresql/root.crt`); the host name is not compared.
    case verifyCA = "verify-ca"
    /// As ``verifyCA``, and the certificate must name the host connected to.
    case verifyFull = "verify-full"

    /// The value a missing `sslmode` takes (libpq's default).
    package static let standard = SSLMode.prefer

    /// Whether the connection fails when the server does not speak TLS.
    var requiresTLS: Bool {
        switch self {
        case .disable, .allow, .prefer: false
        case .require, .verifyCA, .verifyFull: true
        }
    }
}
