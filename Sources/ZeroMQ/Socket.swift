import CZeroMQ

/// One frame of a multipart message: raw bytes, never a `String`, because a
/// character count is not a byte count for non-English text.
public typealias Frame = [UInt8]

/// A libzmq socket. Not `Sendable`: libzmq sockets must stay on the thread that
/// created them, so each owner thread makes, uses and closes its own.
public final class Socket {
    private var handle: UnsafeMutableRawPointer?
    public let type: SocketType

    /// Every socket gets a bounded linger: libzmq's default (-1) makes `zmq_ctx_term`
    /// wait forever for a peer that is gone.
    public init(_ context: Context, _ type: SocketType, linger milliseconds: Int32 = 1000) throws {
        guard let handle = zmq_socket(context.handle, type.rawValue) else {
            throw ZMQError.last("zmq_socket")
        }
        self.handle = handle
        self.type = type
        try set(.linger(milliseconds: milliseconds))
    }

    deinit {
        // Closing is cheap and never blocks (linger applies at context termination).
        close()
    }

    public func close() {
        if let handle {
            _ = zmq_close(handle)
            self.handle = nil
        }
    }

    var rawHandle: UnsafeMutableRawPointer? { handle }

    private func live(_ operation: String) throws -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(code: ENOTSOCK, operation: operation) }
        return handle
    }

    public func set(_ option: SocketOption) throws {
        let handle = try live("zmq_setsockopt")
        let rc: Int32
        switch option.value {
        case .int(var value):
            rc = zmq_setsockopt(handle, option.name, &value, MemoryLayout<Int32>.size)
        case .bytes(let bytes):
            rc = bytes.withUnsafeBytes { zmq_setsockopt(handle, option.name, $0.baseAddress, $0.count) }
        }
        guard rc == 0 else { throw ZMQError.last("zmq_setsockopt(\(option.loggedName))") }
    }

    public func setRoutingID(_ identity: Frame) throws {
        let handle = try live("zmq_setsockopt")
        let rc = identity.withUnsafeBytes { zmq_setsockopt(handle, ZMQ_ROUTING_ID, $0.baseAddress, $0.count) }
        guard rc == 0 else { throw ZMQError.last("zmq_setsockopt(ROUTING_ID)") }
    }

    public func bind(_ endpoint: String) throws {
        guard zmq_bind(try live("zmq_bind"), endpoint) == 0 else { throw ZMQError.last("zmq_bind(\(endpoint))") }
    }

    public func connect(_ endpoint: String) throws {
        guard zmq_connect(try live("zmq_connect"), endpoint) == 0 else {
            throw ZMQError.last("zmq_connect(\(endpoint))")
        }
    }

    /// The endpoint actually bound, which tells the port chosen for `tcp://127.0.0.1:*`.
    public var lastEndpoint: String {
        guard let handle else { return "" }
        var buffer = [CChar](repeating: 0, count: 512)
        var size = buffer.count
        guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sends all frames as one multipart message. Returns false when the socket would
    /// block (with `dontWait`), has no completed peer (IMMEDIATE), or for a ROUTER when
    /// the first frame names no connected peer: the caller decides what "not sent" means.
    @discardableResult
    public func send(_ frames: [Frame], dontWait: Bool = false) throws -> Bool {
        let handle = try live("zmq_send")
        for (index, frame) in frames.enumerated() {
            var flags: Int32 = dontWait ? ZMQ_DONTWAIT : 0
            if index < frames.count - 1 { flags |= ZMQ_SNDMORE }
            while true {
                let rc = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                if rc >= 0 { break }
                let error = ZMQError.last("zmq_send")
                if error.isInterrupted { continue }
                // libzmq guarantees atomic multipart delivery: an EAGAIN can only happen
                // on the first frame, so nothing half-sent is left behind.
                if error.isWouldBlock || error.isHostUnreachable { return false }
                throw error
            }
        }
        return true
    }

    /// Receives one whole multipart message, or nil when `dontWait` and nothing is queued.
    public func receive(dontWait: Bool = false) throws -> [Frame]? {
        let handle = try live("zmq_msg_recv")
        var frames: [Frame] = []
        var more = true
        while more {
            guard let frame = try receiveFrame(handle, flags: dontWait && frames.isEmpty ? ZMQ_DONTWAIT : 0, more: &more)
            else { return nil }
            frames.append(frame)
        }
        return frames
    }

    /// `zmq_msg_t` lives and dies inside this one call: copied out, then closed on
    /// every path, so no message leaks and none is touched after close.
    private func receiveFrame(_ handle: UnsafeMutableRawPointer, flags: Int32, more: inout Bool) throws -> Frame? {
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while zmq_msg_recv(&message, handle, flags) < 0 {
            let error = ZMQError.last("zmq_msg_recv")
            if error.isInterrupted { continue }
            if error.isWouldBlock { return nil }
            throw error
        }
        let size = zmq_msg_size(&message)
        let frame: Frame
        if size == 0 {
            frame = []
        } else {
            let data = zmq_msg_data(&message)!
            frame = Frame(UnsafeRawBufferPointer(start: data, count: size))
        }
        more = zmq_msg_more(&message) != 0
        return frame
    }
}
