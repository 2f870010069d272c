import Logging
import Metrics
import ZeroMQ

public struct SinkConfiguration: Sendable {
    public var bind: String = DefaultEndpoints.sink
    public var outputDirectory: String = "out"
    public var fsync: String = "batch"
    /// Records per group commit at most; a batch also ends when no more are waiting.
    public var batchSize = 512
    public var security: ServerSecurity = .plaintext

    public init() {}
}

/// Appends each result to results.jsonl or errors.jsonl exactly once, and
/// acknowledges it to the worker only after the batch holding it is durable.
public final class Sink {
    private let configuration: SinkConfiguration
    private let context: Context
    private let logger: Logger
    private let stop: StopSignal
    private let readiness: Readiness
    private let metrics = SinkMetrics()

    public init(
        configuration: SinkConfiguration, context: Context, logger: Logger, stop: StopSignal, readiness: Readiness = Readiness()
    ) {
        self.configuration = configuration
        self.context = context
        self.logger = logger
        self.stop = stop
        self.readiness = readiness
        readiness.require(Self.listening)
    }

    /// The sink's readiness condition: its socket is bound and its files are open.
    static let listening = "listening"

    public func run() throws {
        guard let policy = ResultLog.FsyncPolicy(rawValue: configuration.fsync) else {
            throw ConfigurationError("unknown fsync policy \(configuration.fsync)")
        }
        let log = try ResultLog(directory: configuration.outputDirectory, policy: policy)
        if log.tornLinesRepaired > 0 {
            metrics.tornLines.increment(by: log.tornLinesRepaired)
            logger.warning("repaired a torn last line", metadata: ["files": "\(log.tornLinesRepaired)"])
        }
        let gatekeeper = try Gatekeeper.start(configuration.security, context: context, logger: logger)
        defer { gatekeeper?.stop() }
        let socket = try Socket(context, .router)
        try SocketDefaults.configureBinding(socket, security: configuration.security)
        try socket.bind(configuration.bind)
        readiness.set(Self.listening, true)
        defer {
            readiness.set(Self.listening, false)
            socket.close()
        }
        logger.info(
            "sink listening",
            metadata: [
                "bind": "\(socket.lastEndpoint)", "out": "\(configuration.outputDirectory)", "fsync": "\(policy.rawValue)",
                "records-already-written": "\(log.writtenIDs.count)",
            ])

        var poller = Poller()
        poller.add(socket)
        while !stop.isRequested {
            guard try poller.poll(timeoutMilliseconds: 100)[0] else { continue }
            var acks: [Frame: [Frame]] = [:]
            var batch = 0
            while batch < configuration.batchSize, let frames = try socket.receive(dontWait: true) {
                if frames.count >= 2, let message = Wire.Parsed(frames.dropFirst()), message.kind == .ping {
                    // A worker asking whether the sink is there (its readiness and its
                    // unreachable warning), answered at once.
                    _ = try socket.send([frames[0]] + Wire.message(.pong), dontWait: true)
                    continue
                }
                guard frames.count >= 2, let message = Wire.Parsed(frames.dropFirst()), message.kind == .put,
                    let token = message.frame(0), let id = message.string(1), let outcome = message.string(2),
                    let line = message.frame(3)
                else { continue }
                batch += 1
                let file: ResultLog.File = outcome == "error" ? .errors : .results
                if log.stage(id: id, line: line, into: file) {
                    (file == .results ? metrics.results : metrics.errors).increment()
                } else {
                    metrics.duplicates.increment()
                }
                acks[frames[0], default: []].append(token)
            }
            guard batch > 0 else { continue }
            let start = MonotonicClock.nanoseconds
            try log.commit()
            metrics.fsync.recordNanoseconds(Int64(MonotonicClock.nanoseconds - start))
            metrics.batchSize.record(batch)
            for (worker, tokens) in acks {
                // A worker that vanished meanwhile resends after restart or its lease
                // moves on; either way the record is already on disk.
                _ = try socket.send([worker] + Wire.message(.ack, tokens), dontWait: true)
            }
        }
        // Anything received is committed and acknowledged inside the loop, so a stop
        // leaves nothing staged.
        logger.info("sink stopped", metadata: ["records": "\(log.writtenIDs.count)"])
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
