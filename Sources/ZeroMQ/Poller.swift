import CZeroMQ

/// `zmq_poll` over the sockets of one owner thread. Callers always pass a finite
/// timeout: heartbeats and stop flags are checked between polls.
public struct Poller {
    private var sockets: [Socket] = []

    public init() {}

    /// Registers a socket for readability and returns its index in `poll`'s answer.
    @discardableResult
    public mutating func add(_ socket: Socket) -> Int {
        sockets.append(socket)
        return sockets.count - 1
    }

    /// Which registered sockets have a message to read, by registration index.
    public func poll(timeoutMilliseconds: Int) throws -> [Bool] {
        var items = sockets.map { zmq_pollitem_t(socket: $0.rawHandle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
        while true {
            let rc = items.withUnsafeMutableBufferPointer {
                zmq_poll($0.baseAddress, Int32($0.count), timeoutMilliseconds)
            }
            if rc >= 0 { break }
            let error = ZMQError.last("zmq_poll")
            if error.isInterrupted { continue }
            throw error
        }
        return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
    }
}
