import Logging
import Metrics
import Synchronization
import ZeroMQ

public struct SinkConfiguration: Sendable {
    public var bind: String = DefaultEndpoints.sink
    public var outputDirectory: String = "out"
    public var fsync: String = "batch"
    /// Records per group commit at most; a batch also ends when no more are waiting.
    public var batchSize = 512
    /// `hourly`, `daily` or a size such as `64MB`; nil writes results.jsonl for ever.
    public var rotate: String?
    /// `drop` or `supersede` (see `ResultLog.DuplicatePolicy`).
    public var onDuplicate = "drop"
    /// Marks `nearDuplicateOf` from the records' content signatures.
    public var nearDuplicates = true
    /// A PUB endpoint announcing each durable record; nil for none.
    public var publishBind: String?
    /// `ids` or `records` (see `Announcer.Mode`).
    public var publish = "ids"
    public var security: ServerSecurity = .plaintext

    public init() {}

    func options() throws -> ResultLog.Options {
        guard let policy = ResultLog.FsyncPolicy(rawValue: fsync) else {
            throw ConfigurationError("unknown fsync policy \(fsync)")
        }
        guard let duplicates = ResultLog.DuplicatePolicy(rawValue: onDuplicate) else {
            throw ConfigurationError("--on-duplicate must be drop or supersede, not \(onDuplicate)")
        }
        var rotation: Rotation?
        if let rotate {
            guard let parsed = Rotation(rotate) else {
                throw ConfigurationError("--rotate must be hourly, daily or a size like 64MB, not \(rotate)")
            }
            rotation = parsed
        }
        return ResultLog.Options(fsync: policy, rotation: rotation, duplicates: duplicates, nearDuplicates: nearDuplicates)
    }
}

/// What a sink has done since it started, for `gleaner run`'s summary.
public final class SinkTally: Sendable {
    private let receivedCount = Atomic<Int>(0)
    private let newCount = Atomic<Int>(0)
    private let updatedCount = Atomic<Int>(0)
    private let duplicateCount = Atomic<Int>(0)
    private let errorCount = Atomic<Int>(0)

    public init() {}

    /// PUT messages received (redeliveries included).
    public var received: Int { receivedCount.load(ordering: .relaxed) }
    /// Results written for an id the first time.
    public var new: Int { newCount.load(ordering: .relaxed) }
    /// Results written as a new version of an id (`--on-duplicate supersede`).
    public var updated: Int { updatedCount.load(ordering: .relaxed) }
    /// Records dropped because their id was already written.
    public var duplicates: Int { duplicateCount.load(ordering: .relaxed) }
    /// Error records written.
    public var errors: Int { errorCount.load(ordering: .relaxed) }

    func count(_ verdict: ResultLog.Verdict) {
        receivedCount.add(1, ordering: .relaxed)
        switch verdict {
        case .staged(.new): newCount.add(1, ordering: .relaxed)
        case .staged(.updated): updatedCount.add(1, ordering: .relaxed)
        case .staged(.error): errorCount.add(1, ordering: .relaxed)
        case .duplicate: duplicateCount.add(1, ordering: .relaxed)
        }
    }
}

/// Appends each result to the results files or the errors files exactly once, and
/// acknowledges it to the worker only after the batch holding it is durable.
public final class Sink {
    private let configuration: SinkConfiguration
    private let context: Context
    private let logger: Logger
    private let stop: StopSignal
    private let readiness: Readiness
    private let metrics = SinkMetrics()
    public let tally = SinkTally()

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
        let options = try configuration.options()
        guard let mode = Announcer.Mode(rawValue: configuration.publish) else {
            throw ConfigurationError("--publish must be ids or records, not \(configuration.publish)")
        }
        let log = try ResultLog(directory: configuration.outputDirectory, options: options)
        if log.tornLinesRepaired > 0 {
            metrics.tornLines.increment(by: log.tornLinesRepaired)
            logger.warning("repaired a torn last line", metadata: ["files": "\(log.tornLinesRepaired)"])
        }
        let gatekeeper = try Gatekeeper.start(configuration.security, context: context, logger: logger)
        defer { gatekeeper?.stop() }
        // The live feed is as private as the sink's own endpoint: CURVE there means CURVE here.
        let announcer = try configuration.publishBind.map {
            try Announcer(context: context, bind: $0, mode: mode, security: configuration.security)
        }
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
                "bind": "\(socket.lastEndpoint)", "out": "\(configuration.outputDirectory)", "fsync": "\(options.fsync.rawValue)",
                "rotate": "\(configuration.rotate ?? "never")", "on-duplicate": "\(options.duplicates.rawValue)",
                "publish": "\(announcer?.endpoint ?? "off")", "records-already-written": "\(log.recordCount)",
            ])

        var poller = Poller()
        poller.add(socket)
        while !stop.isRequested {
            try announceClosed(try log.tick(), announcer)
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
                let verdict = try log.stage(id: id, line: line, into: file)
                tally.count(verdict)
                switch verdict {
                case .staged: (file == .results ? metrics.results : metrics.errors).increment()
                case .duplicate(let version):
                    metrics.duplicates.increment()
                    logger.info(
                        "duplicate dropped",
                        metadata: [
                            "id": "\(id)", "file": "\(file.kind)", "written-version": "\(version)",
                            "policy": "\(options.duplicates.rawValue)",
                        ])
                }
                acks[frames[0], default: []].append(token)
            }
            guard batch > 0 else { continue }
            let start = MonotonicClock.nanoseconds
            try log.commit { record, line, file in
                // Announced only once on disk: a subscriber never hears of a record a crash can take back.
                do { try announcer?.durable(record, line: line, file: file) } catch {
                    logger.warning("announce failed", metadata: ["error": "\(error)"])
                }
            }
            metrics.fsync.recordNanoseconds(Int64(MonotonicClock.nanoseconds - start))
            metrics.batchSize.record(batch)
            for (worker, tokens) in acks {
                // A worker that vanished meanwhile resends after restart or its lease
                // moves on; either way the record is already on disk.
                _ = try socket.send([worker] + Wire.message(.ack, tokens), dontWait: true)
            }
        }
        // Anything received is committed and acknowledged inside the loop, so a stop
        // leaves nothing staged; the open files are closed so none stays `.open`.
        try announceClosed(try log.close(), announcer)
        logger.info("sink stopped", metadata: ["records": "\(log.recordCount)"])
    }

    private func announceClosed(_ files: [(name: String, records: Int)], _ announcer: Announcer?) throws {
        for file in files {
            logger.info("file closed", metadata: ["file": "\(file.name)", "records": "\(file.records)"])
            try announcer?.closed(file.name, records: file.records)
        }
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
