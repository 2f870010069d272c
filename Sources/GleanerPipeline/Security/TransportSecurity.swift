import ZeroMQ

/// How a binding process (broker, sink) protects its endpoints. Plaintext is what
/// `gleaner run`'s inproc sockets use, and what an operator asks for by name.
public enum ServerSecurity: Sendable {
    case plaintext
    /// CURVE encryption with this process's long-term keys; only clients whose public
    /// key is in `allowedClients` (Z85) complete a handshake.
    case curve(keys: CurveKeyPair, allowedClients: Set<String>)

    /// The ZAP domain Gleaner's sockets authenticate in.
    static let zapDomain = "gleaner"

    func apply(to socket: Socket) throws {
        guard case .curve(let keys, _) = self else { return }
        try socket.set(.curveServer(true))
        try socket.set(.curveSecretKey(keys.secretKey))
        try socket.set(.zapDomain(Self.zapDomain))
    }
}

/// How a connecting process (worker, feeder) reaches CURVE servers.
public enum ClientSecurity: Sendable {
    case plaintext
    /// This client's long-term keys, and the public key of the servers it connects to
    /// (one server key pair serves every broker and the sink of a deployment).
    case curve(keys: CurveKeyPair, serverKey: String)

    func apply(to socket: Socket) throws {
        guard case .curve(let keys, let serverKey) = self else { return }
        try socket.set(.curveServerKey(serverKey))
        try socket.set(.curvePublicKey(keys.publicKey))
        try socket.set(.curveSecretKey(keys.secretKey))
    }
}
