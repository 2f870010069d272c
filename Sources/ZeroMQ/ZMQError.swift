import CZeroMQ

/// A libzmq failure, carrying `zmq_errno()` because libzmq's own codes (ETERM is
/// ZMQ_HAUSNUMERO + 53) are not Glibc errnos and must be named through libzmq.
public struct ZMQError: Error, Equatable, CustomStringConvertible, Sendable {
    public let code: Int32
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    static func last(_ operation: String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation)
    }

    public var description: String {
        "\(operation): \(String(cString: zmq_strerror(code))) (\(code))"
    }

    /// The context was shut down: every blocked call returns this, which is how a
    /// process stops its socket thread (signals do not interrupt libzmq calls).
    public var isContextTerminated: Bool { code == ETERM }
    public var isInterrupted: Bool { code == EINTR }
    public var isWouldBlock: Bool { code == EAGAIN }
    /// A ROUTER with ROUTER_MANDATORY could not route to that peer: it has gone.
    public var isHostUnreachable: Bool { code == EHOSTUNREACH }
}
