import Foundation
import ZeroMQ

/// Reads the inputs on a thread of its own and hands documents over an inproc socket,
/// so the feeder's socket loop can poll input and broker together: a slow or idle
/// stdin never stops it from reading acknowledgements. The socket's high-water mark
/// bounds how far reading runs ahead of sending.
final class InputPump {
    enum Item {
        case document([UInt8])
        case end
    }

    struct ReadFailure: Error, CustomStringConvertible {
        let description: String
    }

    let socket: Socket

    private init(socket: Socket) {
        self.socket = socket
    }

    static func start(_ source: InputSource, context: Context) throws -> InputPump {
        let endpoint = "inproc://" + SocketDefaults.uniqueIdentity("feed-input")
        let socket = try Socket(context, .pull, linger: 0)
        try socket.set(.receiveHighWaterMark(64))
        try socket.bind(endpoint)
        nonisolated(unsafe) let source = source
        let thread = Thread {
            guard let push = try? Socket(context, .push, linger: 0) else { return }
            defer { push.close() }
            do {
                try push.set(.sendHighWaterMark(64))
                try push.connect(endpoint)
                while let payload = try source.next() {
                    try push.send([Array("D".utf8), payload])
                }
                try push.send([Array("E".utf8)])
            } catch let error as ZMQError where error.isContextTerminated {
                return
            } catch {
                _ = try? push.send([Array("X".utf8), Array("\(error)".utf8)])
            }
        }
        thread.name = "gleaner-feed-input"
        thread.start()
        return InputPump(socket: socket)
    }

    /// The next item if one is waiting; nil if the reader has not produced one yet.
    func next() throws -> Item? {
        guard let frames = try socket.receive(dontWait: true), let kind = frames.first else { return nil }
        switch kind {
        case Array("D".utf8) where frames.count == 2: return .document(frames[1])
        case Array("X".utf8): throw ReadFailure(description: String(decoding: frames.last ?? [], as: UTF8.self))
        default: return .end
        }
    }

    func close() {
        socket.close()
    }
}
