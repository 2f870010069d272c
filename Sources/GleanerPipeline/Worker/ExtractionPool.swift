import Foundation
import GleanerCore
import Logging
import Synchronization
import ZeroMQ

/// N extraction threads behind an inproc ROUTER owned by the worker's socket thread.
/// Each thread says READY, receives one task, answers with its result (which also
/// means READY again): the load-balancing pattern, so no thread hoards work.
final class ExtractionPool: Sendable {
    /// Frames the pool's ROUTER receives after the thread's identity.
    enum Reply {
        case ready
        case result(
            token: Frame, id: String, outcome: DocumentProcessor.Outcome, failureCode: String?, line: [UInt8],
            elapsedNanoseconds: UInt64)
    }

    let endpoint: String
    let threadCount: Int
    private let exited = Atomic<Int>(0)

    init(threads: Int) {
        endpoint = "inproc://" + SocketDefaults.uniqueIdentity("extraction-pool")
        threadCount = threads
    }

    /// Starts the threads; the caller must have bound `endpoint` first (inproc needs it).
    func start(context: Context, processor: DocumentProcessor, logger: Logger) {
        for index in 0..<threadCount {
            let thread = Thread { [self] in
                defer { exited.add(1, ordering: .releasing) }
                do {
                    try self.serve(context: context, processor: processor)
                } catch let error as ZMQError where error.isContextTerminated {
                    return
                } catch {
                    logger.error("extraction thread failed", metadata: ["error": "\(error)"])
                }
            }
            thread.name = "gleaner-extract-\(index)"
            thread.stackSize = 8 * 1024 * 1024
            thread.start()
        }
    }

    var allExited: Bool { exited.load(ordering: .acquiring) == threadCount }

    private func serve(context: Context, processor: DocumentProcessor) throws {
        let socket = try Socket(context, .dealer)
        defer { socket.close() }
        try socket.connect(endpoint)
        try socket.send([Array("READY".utf8)])
        while let frames = try socket.receive() {
            guard frames.count == 4 else { return }  // STOP
            let start = MonotonicClock.nanoseconds
            let attempt = Int(String(decoding: frames[1], as: UTF8.self)) ?? 1
            let output =
                frames[2] == Array("abandon".utf8)
                ? processor.abandon(frames[3], attempts: attempt) : processor.process(frames[3])
            let elapsed = MonotonicClock.nanoseconds - start
            try socket.send([
                Array("RESULT".utf8), frames[0], Array(output.id.utf8), Array(output.outcome.rawValue.utf8), output.line,
                Array(String(elapsed).utf8), Array((output.failureCode?.rawValue ?? "").utf8),
            ])
        }
    }

    static func task(token: Frame, attempt: Frame, mode: Frame, payload: Frame) -> [Frame] {
        [token, attempt, mode, payload]
    }

    static let stopMessage: [Frame] = [Array("STOP".utf8)]

    static func parse(_ frames: ArraySlice<Frame>) -> Reply? {
        guard let kind = frames.first.map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        if kind == "READY" { return .ready }
        let fields = Array(frames.dropFirst())
        guard kind == "RESULT", fields.count == 6,
            let outcome = DocumentProcessor.Outcome(rawValue: String(decoding: fields[2], as: UTF8.self))
        else { return nil }
        let failureCode = fields[5].isEmpty ? nil : String(decoding: fields[5], as: UTF8.self)
        return .result(
            token: fields[0], id: String(decoding: fields[1], as: UTF8.self), outcome: outcome, failureCode: failureCode,
            line: fields[3], elapsedNanoseconds: UInt64(String(decoding: fields[4], as: UTF8.self)) ?? 0)
    }
}
