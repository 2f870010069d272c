import CZeroMQ

/// The integer socket options the project relies on; each is explained where it is set.
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
        }
    }

    var value: Int32 {
        switch self {
        case .linger(let v), .sendHighWaterMark(let v), .receiveHighWaterMark(let v),
            .heartbeatInterval(let v), .heartbeatTimeout(let v), .reconnectIntervalMax(let v),
            .sendTimeout(let v), .receiveTimeout(let v):
            v
        case .immediate(let flag), .routerMandatory(let flag):
            flag ? 1 : 0
        }
    }
}
