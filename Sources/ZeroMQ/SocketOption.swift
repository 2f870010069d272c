import CZeroMQ

/// The socket options the project relies on; each is explained where it is set.
public enum SocketOption: Sendable {
    case linger(milliseconds: Int32)
    case sendHighWaterMark(Int32)
    case receiveHighWaterMark(Int32)
    case immediate(Bool)
    case routerMandatory(Bool)
    case heartbeatInterval(milliseconds: Int32)
    case heartbeatTimeout(milliseconds: Int32)
    case reconnectIntervalMax(milliseconds: Int32)
    case sendTimeout(milliseconds: Int32)
    case receiveTimeout(milliseconds: Int32)
    /// This socket is the CURVE server side (it holds the long-term key clients know).
    case curveServer(Bool)
    /// This socket's own long-term keys, Z85 text (see `CurveKeyPair`).
    case curvePublicKey(String)
    case curveSecretKey(String)
    /// A CURVE client's knowledge of the server it connects to: the server's public key.
    case curveServerKey(String)
    /// The ZAP domain a binding socket's handshakes are authenticated in.
    case zapDomain(String)

    /// libzmq takes integers as `int` and keys and domains as bytes.
    enum Value {
        case int(Int32)
        case bytes([UInt8])
    }

    var name: Int32 {
        switch self {
        case .linger: ZMQ_LINGER
        case .sendHighWaterMark: ZMQ_SNDHWM
        case .receiveHighWaterMark: ZMQ_RCVHWM
        case .immediate: ZMQ_IMMEDIATE
        case .routerMandatory: ZMQ_ROUTER_MANDATORY
        case .heartbeatInterval: ZMQ_HEARTBEAT_IVL
        case .heartbeatTimeout: ZMQ_HEARTBEAT_TIMEOUT
        case .reconnectIntervalMax: ZMQ_RECONNECT_IVL_MAX
        case .sendTimeout: ZMQ_SNDTIMEO
        case .receiveTimeout: ZMQ_RCVTIMEO
        case .curveServer: ZMQ_CURVE_SERVER
        case .curvePublicKey: ZMQ_CURVE_PUBLICKEY
        case .curveSecretKey: ZMQ_CURVE_SECRETKEY
        case .curveServerKey: ZMQ_CURVE_SERVERKEY
        case .zapDomain: ZMQ_ZAP_DOMAIN
        }
    }

    var value: Value {
        switch self {
        case .linger(let v), .sendHighWaterMark(let v), .receiveHighWaterMark(let v),
            .heartbeatInterval(let v), .heartbeatTimeout(let v), .reconnectIntervalMax(let v),
            .sendTimeout(let v), .receiveTimeout(let v):
            .int(v)
        case .immediate(let flag), .routerMandatory(let flag), .curveServer(let flag):
            .int(flag ? 1 : 0)
        case .curvePublicKey(let key), .curveSecretKey(let key), .curveServerKey(let key):
            // A Z85 key is given as 40 characters plus a terminating NUL (zmq_setsockopt(3)).
            .bytes(Array(key.utf8) + [0])
        case .zapDomain(let domain):
            .bytes(Array(domain.utf8))
        }
    }
}

extension SocketOption {
    /// How error messages name the option: never with a key in it.
    var loggedName: String {
        switch self {
        case .curvePublicKey: "curvePublicKey"
        case .curveSecretKey: "curveSecretKey"
        case .curveServerKey: "curveServerKey"
        default: "\(self)"
        }
    }
}
