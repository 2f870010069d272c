import CZeroMQ
import Foundation
import Synchronization

/// One handshake libzmq asks about (ZMTP RFC 27, ZAP 1.0).
public struct ZAPRequest: Sendable {
    public let domain: String
    /// The peer's IP address as libzmq saw it.
    public let address: String
    public let mechanism: String
    /// The client's long-term public key in Z85, for CURVE; nil for other mechanisms.
    public let curvePublicKey: String?
}

/// A ZAP handler: answers libzmq's authentication requests for every binding socket of
/// one context. libzmq asks `inproc://zeromq.zap.01` in the socket's own context, so the
/// handler must be bound before any CURVE server socket binds: a CURVE server with no
/// handler lets every client in. Runs on a thread of its own (its socket stays there).
public final class ZAPHandler: Sendable {
    public static let endpoint = "inproc://zeromq.zap.01"

    private let stopRequested = Atomic<Bool>(false)
    private let exited = DispatchSemaphore(value: 0)

    /// Binds the handler and returns once it answers; `decide` runs on the handler's
    /// thread and returns nil to allow or a reason to refuse.
    public init(context: Context, decide: @escaping @Sendable (ZAPRequest) -> String?) throws {
        let bound = DispatchSemaphore(value: 0)
        let failure = BindFailure()
        let thread = Thread { [self] in
            defer { exited.signal() }
            let socket: Socket
            do {
                socket = try Socket(context, .rep, linger: 0)
                try socket.bind(Self.endpoint)
            } catch {
                failure.error.withLock { $0 = error as? ZMQError ?? ZMQError(code: EINVAL, operation: "\(error)") }
                bound.signal()
                return
            }
            bound.signal()
            defer { socket.close() }
            serve(socket, decide: decide)
        }
        thread.name = "zmq-zap"
        thread.start()
        bound.wait()
        if let error = failure.error.withLock({ $0 }) {
            exited.wait()
            throw error
        }
    }

    /// Stops answering and waits until the handler's socket is closed (before the
    /// context terminates, which would otherwise wait for it).
    public func stop() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        exited.wait()
    }

    private func serve(_ socket: Socket, decide: @Sendable (ZAPRequest) -> String?) {
        var poller = Poller()
        poller.add(socket)
        while !stopRequested.load(ordering: .acquiring) {
            do {
                guard try poller.poll(timeoutMilliseconds: 100)[0], let frames = try socket.receive(dontWait: true) else {
                    continue
                }
                try socket.send(Self.reply(to: frames, decide: decide))
            } catch let error as ZMQError where error.isContextTerminated {
                return
            } catch {
                continue
            }
        }
    }

    private final class BindFailure: Sendable {
        let error = Mutex<ZMQError?>(nil)
    }

    /// Request: version, request id, domain, address, identity, mechanism, credentials...
    /// Reply: version, request id, status code, status text, user id, metadata.
    static func reply(to frames: [Frame], decide: (ZAPRequest) -> String?) -> [Frame] {
        let requestID = frames.count > 1 ? frames[1] : []
        guard frames.count >= 6, frames[0] == Array("1.0".utf8) else {
            return [Array("1.0".utf8), requestID, Array("500".utf8), Array("malformed ZAP request".utf8), [], []]
        }
        let text = { (index: Int) in String(decoding: frames[index], as: UTF8.self) }
        let mechanism = text(5)
        let key = mechanism == "CURVE" && frames.count >= 7 && frames[6].count == 32 ? Z85.encode(frames[6]) : nil
        let request = ZAPRequest(domain: text(2), address: text(3), mechanism: mechanism, curvePublicKey: key)
        if let refusal = decide(request) {
            return [Array("1.0".utf8), requestID, Array("400".utf8), Array(refusal.utf8), [], []]
        }
        return [Array("1.0".utf8), requestID, Array("200".utf8), Array("OK".utf8), Array((key ?? "").utf8), []]
    }
}
