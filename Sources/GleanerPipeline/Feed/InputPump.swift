import Foundation
import ZeroMQ

/// Reads the inputs on a thread of its own and hands documents over inproc sockets,
/// one per broker shard, so each feeder's socket loop can poll input and broker
/// together: a slow or idle stdin never stops it from reading acknowledgements. The
/// sockets' high-water marks bound how far reading runs ahead of sending.
final class InputPump {
    enum Item {
        case document([UInt8])
        case end
    }

    struct ReadFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Documents held for shards whose feeder cannot take them (its broker is down)
    /// before reading stops for every shard.
    static let maxHeldForStalledShards = 100_000

    let socket: Socket

    private init(socket: Socket) {
        self.socket = socket
    }

    static func start(_ source: InputSource, context: Context, shards: Int = 1) throws -> [InputPump] {
        let endpoint = "inproc://" + SocketDefaults.uniqueIdentity("feed-input")
        var pumps: [InputPump] = []
        for shard in 0..<shards {
            let socket = try Socket(context, .pull, linger: 0)
            try socket.set(.receiveHighWaterMark(64))
            try socket.bind("\(endpoint)-\(shard)")
            pumps.append(InputPump(socket: socket))
        }
        nonisolated(unsafe) let source = source
        let thread = Thread {
            var pushes: [Socket] = []
            defer { for push in pushes { push.close() } }
            do {
                for shard in 0..<shards {
                    let push = try Socket(context, .push, linger: 0)
                    pushes.append(push)
                    try push.set(.sendHighWaterMark(64))
                    try push.connect("\(endpoint)-\(shard)")
                }
                try pump(source, to: pushes)
            } catch let error as ZMQError where error.isContextTerminated {
                return
            } catch {
                for push in pushes { _ = try? push.send([Array("X".utf8), Array("\(error)".utf8)], dontWait: true) }
            }
        }
        thread.name = "gleaner-feed-input"
        thread.start()
        return pumps
    }

    private static func pump(_ source: InputSource, to pushes: [Socket]) throws {
        if pushes.count == 1 {
            // One broker: a full socket simply holds reading back.
            while let payload = try source.next() { try pushes[0].send([Array("D".utf8), payload]) }
            try pushes[0].send([Array("E".utf8)])
            return
        }
        // Several brokers: a shard whose broker is down must not hold the others back,
        // so its documents wait here (bounded) while reading goes on for the rest.
        var held = HeldDocuments(shards: pushes.count)
        while let payload = try source.next() {
            held.add(payload, shard: BrokerShard.index(of: payload, brokers: pushes.count))
            try held.flush(to: pushes)
            while held.count >= maxHeldForStalledShards {
                usleepMilliseconds(10)
                try held.flush(to: pushes)
            }
        }
        var ended = Array(repeating: false, count: pushes.count)
        while ended.contains(false) {
            try held.flush(to: pushes)
            for shard in pushes.indices where !ended[shard] && held.isEmpty(shard) {
                ended[shard] = try pushes[shard].send([Array("E".utf8)], dontWait: true)
            }
            if ended.contains(false) { usleepMilliseconds(10) }
        }
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

/// Per-shard queues of documents read but not yet taken by their shard's feeder.
private struct HeldDocuments {
    private var queues: [RingQueue<[UInt8]>]
    private(set) var count = 0

    init(shards: Int) {
        queues = Array(repeating: RingQueue(), count: shards)
    }

    func isEmpty(_ shard: Int) -> Bool { queues[shard].isEmpty }

    mutating func add(_ payload: [UInt8], shard: Int) {
        queues[shard].append(payload)
        count += 1
    }

    /// Hands each shard's documents over, in order, until its socket is full.
    mutating func flush(to pushes: [Socket]) throws {
        for shard in queues.indices {
            while let payload = queues[shard].popFirst() {
                guard try pushes[shard].send([Array("D".utf8), payload], dontWait: true) else {
                    queues[shard].prepend(payload)
                    break
                }
                count -= 1
            }
        }
    }
}
