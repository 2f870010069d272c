import ArgumentParser
import Foundation
import GleanerPipeline
import ZeroMQ

/// CURVE for the processes that bind (broker, sink). Plaintext only when asked for.
struct ServerSecurityOptions: ParsableArguments {
    @Option(help: "This process's CURVE key file, from `gleaner keys generate` (env GLEANER_CURVE_SECRET_KEY).")
    var curveSecretKey: String?

    @Option(
        help: """
            Client public keys let in: .pub files one after another in one file, Z85 keys one per line, or a folder of .pub files \
            (env GLEANER_CURVE_ALLOW). Any other client is refused, logged and counted.
            """)
    var curveAllow: String?

    @Flag(help: "No encryption and no authentication: anyone who reaches a port can write (env GLEANER_INSECURE_PLAINTEXT=1).")
    var insecurePlaintext = false

    func resolve() throws -> ServerSecurity {
        let peer = (flag: "--curve-allow", value: curveAllow, variable: "GLEANER_CURVE_ALLOW")
        guard let files = try SecurityEnvironment.keyFiles(curveSecretKey, peer, insecure: insecurePlaintext) else {
            return .plaintext
        }
        return .curve(keys: try KeyFiles.keyPair(from: files.secret), allowedClients: try KeyFiles.allowList(from: files.peer))
    }
}

/// CURVE for the processes that connect (worker, feed).
struct ClientSecurityOptions: ParsableArguments {
    @Option(help: "This process's CURVE key file, from `gleaner keys generate` (env GLEANER_CURVE_SECRET_KEY).")
    var curveSecretKey: String?

    @Option(help: "The servers' public key: their .pub file or the Z85 key (env GLEANER_CURVE_SERVER_KEY).")
    var curveServerKey: String?

    @Flag(help: "No encryption and no authentication (env GLEANER_INSECURE_PLAINTEXT=1).")
    var insecurePlaintext = false

    func resolve() throws -> ClientSecurity {
        let peer = (flag: "--curve-server-key", value: curveServerKey, variable: "GLEANER_CURVE_SERVER_KEY")
        guard let files = try SecurityEnvironment.keyFiles(curveSecretKey, peer, insecure: insecurePlaintext) else {
            return .plaintext
        }
        return .curve(keys: try KeyFiles.keyPair(from: files.secret), serverKey: try KeyFiles.publicKey(from: files.peer))
    }
}

/// The rule both sides share: keys, or plaintext by name; never plaintext by default.
enum SecurityEnvironment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// This process's key file and the peer's (allow-list or server key), from flags or
    /// the environment; nil when plaintext was asked for.
    static func keyFiles(
        _ secretFlag: String?, _ peer: (flag: String, value: String?, variable: String), insecure flag: Bool
    ) throws -> (secret: String, peer: String)? {
        let secret = secretFlag ?? value("GLEANER_CURVE_SECRET_KEY")
        let peerValue = peer.value ?? value(peer.variable)
        let insecure = flag || ["1", "true", "yes"].contains(value("GLEANER_INSECURE_PLAINTEXT")?.lowercased() ?? "")
        switch (secret != nil || peerValue != nil, insecure) {
        case (true, true):
            throw ValidationError("both CURVE keys and --insecure-plaintext given; choose one")
        case (false, false):
            throw ValidationError(
                "no CURVE keys given: pass them (see `gleaner broker --help`), or --insecure-plaintext to run unencrypted")
        case (false, true):
            return nil
        case (true, false):
            guard CurveKeyPair.isSupported else { throw ValidationError("this libzmq was built without CURVE") }
            guard let secret, let peerValue else {
                throw ValidationError("CURVE needs both --curve-secret-key and \(peer.flag)")
            }
            return (secret, peerValue)
        }
    }
}
