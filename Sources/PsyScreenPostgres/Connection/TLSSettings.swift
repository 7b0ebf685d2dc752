import Foundation
import PostgresNIO

/// postgres-nio's TLS settings for a location's `sslmode` and `sslrootcert` (see ``SSLMode`` for the mapping).
enum TLSSettings {
    static func tls(
        for location: PostgresLocation, environment: [String: String]
    ) throws(PostgresFailure) -> PostgresConnection.Configuration.TLS {
        let roots = rootCertificates(location, environment: environment)
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch location.sslMode {
        case .disable:
            return .disable
        case .allow, .prefer:
            configuration.certificateVerification = .none
        case .require:
            // libpq: with a root certificate file present, `require` checks the chain as `verify-ca` does.
            if let roots, roots.exists {
                configuration.certificateVerification = .noHostnameVerification
                configuration.trustRoots = roots.trust
            } else {
                configuration.certificateVerification = .none
            }
        case .verifyCA, .verifyFull:
            guard let roots, roots.exists else {
                throw PostgresFailure(
                    location: location.displayName, .rootCertificateMissing(roots?.path ?? "~/.postgresql/root.crt"))
            }
            configuration.certificateVerification = location.sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
            configuration.trustRoots = roots.trust
        }
        do {
            let context = try NIOSSLContext(configuration: configuration)
            return location.sslMode.requiresTLS ? .require(context) : .prefer(context)
        } catch {
            throw PostgresFailure(location: location.displayName, .cannotSetUpTLS("\(error)"))
        }
    }

    /// `sslrootcert` (`system`: the system's trusted authorities), else `~/.postgresql/root.crt`.
    private static func rootCertificates(
        _ location: PostgresLocation, environment: [String: String]
    ) -> (path: String, exists: Bool, trust: NIOSSLTrustRoots)? {
        if location.sslRootCertificate == "system" { return ("system", true, .default) }
        let path = location.sslRootCertificate ?? environment["HOME"].map { $0 + "/.postgresql/root.crt" }
        guard let path else { return nil }
        return (path, FileManager.default.fileExists(atPath: path), .file(path))
    }
}
