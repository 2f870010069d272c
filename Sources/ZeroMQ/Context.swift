import CZeroMQ

/// A libzmq context. libzmq documents contexts as thread-safe, hence `@unchecked Sendable`;
/// sockets are not and stay on the thread that made them.
///
/// There is deliberately no `deinit` that terminates: `zmq_ctx_term` blocks until every
/// socket is closed, so a forgotten socket would hang the process at exit.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    public init() throws {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        self.handle = handle
    }

    /// Makes every blocking call on this context's sockets return ETERM, from any thread.
    public func shutdown() {
        _ = zmq_ctx_shutdown(handle)
    }

    /// Waits until every socket is closed, then frees the context.
    public func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }

    public static var version: (major: Int32, minor: Int32, patch: Int32) {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (major, minor, patch)
    }
}
