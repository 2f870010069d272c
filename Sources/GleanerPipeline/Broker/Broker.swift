import Logging
import Metrics
import Synchronization
import ZeroMQ

public struct BrokerConfiguration: Sendable {
    /// Plain PULL ingest for fire-and-forget scrapers (pyzmq PUSH + send_json); nil disables it.
    public var plainIngest: String? = DefaultEndpoints.plainIngest
    /// Acknowledged ingest (ROUTER) for `gleaner feed`.
    public var ackedIngest: String = DefaultEndpoints.ackedIngest
    public var workers: String = DefaultEndpoints.workers
    public var journalDirectory: String = "gleaner-journal"
    /// Queued documents beyond which ingest stops being read, so feeders slow down.
    public var maxQueue = 100_000
    /// A document leased longer than this is given to another worker.
    public var leaseMilliseconds: Int64 = 60_000
    /// A worker not heard from for this long is dead; its documents are requeued.
    public var workerTimeoutMilliseconds: Int64 = 5_000
    /// After this many failed deliveries a document becomes an error record.
    public var maxAttempts = 5
    /// Documents a feeder may have in flight before it waits for ACCEPTED.
    public var feederWindow = 256
    /// Applies to every endpoint the broker binds.
    public var security: ServerSecurity = .plaintext

    public init() {}
}

/// Counters another thread can read: `gleaner run` uses them to know when all is done.
public final class BrokerStatus: Sendable {
    let accepted = Atomic<Int>(0)
    let unfinished = Atomic<Int>(0)
    let started = Atomic<Bool>(false)

    public init() {}

    public var acceptedCount: Int { accepted.load(ordering: .acquiring) }
    public var unfinishedCount: Int { unfinished.load(ordering: .acquiring) }
    public var isStarted: Bool { started.load(ordering: .acquiring) }
}

/// The queue: journals what feeders and scrapers send, leases documents to workers
/// against their credit, and forgets a document only when its result is durable at
/// the sink (a worker relays the sink's ACK as DONE). See docs/protocol.md.
public final class Broker {
    private let configuration: BrokerConfiguration
    private let context: Context
    private let logger: Logger
    private let stop: StopSignal
    public let status: BrokerStatus
    private let readiness: Readiness
    private let metrics = BrokerMetrics()
    /// New at every start: peers seeing a new epoch know their credit here was lost.
    private let epoch = SocketDefaults.uniqueIdentity("broker")

    private var journal: Journal!
    private var tracker = WorkTracker()
    private var feeders: [Frame: Feeder] = [:]
    /// Appended but not yet synced, with who to tell once they are.
    private var awaitingSync: [(sequence: UInt64, feeder: Frame?, reference: Frame?)] = []

    private struct Feeder {
        var granted: Int
        var lastSeen: Int64
    }

    public init(
        configuration: BrokerConfiguration, context: Context, logger: Logger, stop: StopSignal,
        status: BrokerStatus = BrokerStatus(), readiness: Readiness = Readiness()
    ) {
        self.configuration = configuration
        self.context = context
        self.logger = logger
        self.stop = stop
        self.status = status
        self.readiness = readiness
        readiness.require(Self.listening)
    }

    /// The broker's readiness condition: its three sockets are bound.
    static let listening = "listening"

    /// Runs on the calling thread, which owns every socket, until `stop` is requested.
    public func run() throws {
        journal = try Journal(directory: configuration.journalDirectory)
        for sequence in journal.pendingSequences { tracker.enqueue(sequence) }
        if journal.tornBytesRepaired > 0 {
            logger.warning("journal had a torn tail; truncated", metadata: ["bytes": "\(journal.tornBytesRepaired)"])
        }
        logger.info(
            "journal opened",
            metadata: [
                "directory": "\(configuration.journalDirectory)", "journal": "\(journal.id)",
                "unfinished": "\(journal.liveCount)",
            ])
        publishStatus()

        let gatekeeper = try Gatekeeper.start(configuration.security, context: context, logger: logger)
        defer { gatekeeper?.stop() }
        let workerSocket = try Socket(context, .router)
        try SocketDefaults.configureBinding(workerSocket, security: configuration.security)
        try workerSocket.bind(configuration.workers)
        let ackedSocket = try Socket(context, .router)
        try SocketDefaults.configureBinding(ackedSocket, security: configuration.security)
        try ackedSocket.bind(configuration.ackedIngest)
        var plainSocket: Socket?
        if let endpoint = configuration.plainIngest {
            let socket = try Socket(context, .pull)
            try configuration.security.apply(to: socket)
            try socket.bind(endpoint)
            plainSocket = socket
        }
        logger.info(
            "broker listening",
            metadata: [
                "workers": "\(workerSocket.lastEndpoint)", "ingest-acked": "\(ackedSocket.lastEndpoint)",
                "ingest-plain": "\(plainSocket?.lastEndpoint ?? "off")", "epoch": "\(epoch)",
            ])
        status.started.store(true, ordering: .releasing)
        readiness.set(Self.listening, true)
        defer {
            readiness.set(Self.listening, false)
            workerSocket.close()
            ackedSocket.close()
            plainSocket?.close()
        }

        var lastHousekeeping = MonotonicClock.milliseconds
        while !stop.isRequested {
            // The plain ingest is read only while the queue has room: its scrapers then
            // block on their high-water mark. Feeders are always read (to keep hearing
            // their hellos) and are held back by credit, which stops when the queue is full.
            let hasRoom = tracker.queueDepth + awaitingSync.count < configuration.maxQueue
            var poller = Poller()
            poller.add(workerSocket)
            poller.add(ackedSocket)
            if hasRoom, let plainSocket { poller.add(plainSocket) }
            let ready = try poller.poll(timeoutMilliseconds: 100)
            let now = MonotonicClock.milliseconds
            if ready[0] { try drainWorkerMessages(workerSocket, now: now) }
            if ready[1] { try drainFeeders(ackedSocket, now: now) }
            if ready.count > 2, ready[2], let plainSocket { try drainPlain(plainSocket) }
            try commitAccepted(ackedSocket)
            try dispatch(workerSocket, now: now)
            if now - lastHousekeeping >= 250 {
                lastHousekeeping = now
                try housekeeping(now: now)
            }
        }
        try journal.sync()
        logger.info("broker stopped", metadata: ["unfinished": "\(journal.liveCount)"])
    }

    // MARK: ingest

    private func drainFeeders(_ socket: Socket, now: Int64) throws {
        for _ in 0..<1024 {
            guard let frames = try socket.receive(dontWait: true) else { return }
            guard frames.count >= 2, let message = Wire.Parsed(frames.dropFirst()) else {
                // Not our protocol: keep the bytes as a document so nothing vanishes.
                if frames.count >= 2 { accept(Array(frames.dropFirst().joined()), feeder: nil, reference: nil) }
                continue
            }
            let feeder = frames[0]
            switch message.kind {
            case .hello:
                var state = feeders[feeder] ?? Feeder(granted: 0, lastSeen: now)
                state.lastSeen = now
                feeders[feeder] = state
                let credit = topUpCredit(feeder)
                _ = try socket.send([feeder] + Wire.message(.welcome, [Wire.text(epoch), Wire.number(credit)]), dontWait: true)
            case .doc:
                guard let reference = message.frame(0), let payload = message.frame(1) else { continue }
                if var state = feeders[feeder] {
                    state.granted = max(0, state.granted - 1)
                    state.lastSeen = now
                    feeders[feeder] = state
                }
                accept(payload, feeder: feeder, reference: reference)
            default:
                continue
            }
        }
    }

    private func drainPlain(_ socket: Socket) throws {
        for _ in 0..<1024 {
            guard let frames = try socket.receive(dontWait: true) else { return }
            accept(frames.count == 1 ? frames[0] : Array(frames.joined()), feeder: nil, reference: nil)
        }
    }

    private func accept(_ payload: [UInt8], feeder: Frame?, reference: Frame?) {
        do {
            let sequence = try journal.append(payload)
            awaitingSync.append((sequence, feeder, reference))
            metrics.received.increment()
        } catch {
            // Not acknowledged, so the feeder will send it again; a plain scraper's copy
            // is lost, which docs/protocol.md states as that ingest's limit.
            logger.error("journal append failed", metadata: ["error": "\(error)"])
        }
    }

    private func topUpCredit(_ feeder: Frame) -> Int {
        guard var state = feeders[feeder], tracker.queueDepth < configuration.maxQueue else { return 0 }
        let credit = max(0, configuration.feederWindow - state.granted)
        state.granted += credit
        feeders[feeder] = state
        return credit
    }

    /// Group commit: one fsync covers every document appended this round, then each
    /// feeder hears ACCEPTED for its documents together with fresh credit.
    private func commitAccepted(_ socket: Socket) throws {
        guard !awaitingSync.isEmpty else { return }
        let start = MonotonicClock.nanoseconds
        try journal.sync()
        metrics.journalSync.recordNanoseconds(Int64(MonotonicClock.nanoseconds - start))
        var references: [Frame: [Frame]] = [:]
        for accepted in awaitingSync {
            tracker.enqueue(accepted.sequence)
            if let feeder = accepted.feeder, let reference = accepted.reference {
                references[feeder, default: []].append(reference)
            }
        }
        status.accepted.add(awaitingSync.count, ordering: .relaxed)
        awaitingSync.removeAll(keepingCapacity: true)
        publishStatus()
        for (feeder, refs) in references {
            let credit = topUpCredit(feeder)
            _ = try socket.send(
                [feeder] + Wire.message(.accepted, [Wire.text(epoch), Wire.number(credit)] + refs), dontWait: true)
        }
    }

    // MARK: workers

    private func drainWorkerMessages(_ socket: Socket, now: Int64) throws {
        for _ in 0..<4096 {
            guard let frames = try socket.receive(dontWait: true) else { return }
            guard frames.count >= 3, let message = Wire.Parsed(frames.dropFirst()) else { continue }
            let worker = frames[0]
            let known = tracker.heard(from: worker, now: now)
            switch message.kind {
            case .ready:
                tracker.grant(message.int(0) ?? 1, to: worker, now: now)
            case .ping:
                _ = try socket.send(
                    [worker] + Wire.message(.pong, [Wire.text(epoch), Wire.text(known ? "1" : "0")]), dontWait: true)
            case .done:
                for frame in message.fields { try complete(frame, now: now) }
            case .giveBack:
                for frame in message.fields {
                    if let token = LeaseToken(frame), token.journal == journal.id {
                        tracker.giveBack(token.sequence, from: worker)
                    }
                }
            case .drain:
                tracker.drain(worker)
            case .bye:
                let requeued = tracker.remove(worker, failed: false)
                logger.info(
                    "worker left",
                    metadata: ["worker": "\(String(decoding: worker, as: UTF8.self))", "requeued": "\(requeued.count)"])
            default:
                continue
            }
        }
    }

    private func complete(_ frame: Frame, now: Int64) throws {
        guard let token = LeaseToken(frame), token.journal == journal.id else { return }
        if let lease = tracker.finish(token.sequence) {
            metrics.endToEnd.recordMilliseconds(now - lease.dispatchedAt)
        }
        if try journal.complete(token.sequence) {
            metrics.completed.increment()
        }
    }

    private func dispatch(_ socket: Socket, now: Int64) throws {
        while let (sequence, worker) = tracker.nextDispatch(now: now, leaseMilliseconds: configuration.leaseMilliseconds) {
            guard let payload = try journal.payload(sequence) else {
                tracker.finish(sequence)
                continue
            }
            let attempt = tracker.attempt(of: sequence)
            let mode = attempt > configuration.maxAttempts ? "abandon" : "run"
            let token = LeaseToken(journal: journal.id, sequence: sequence)
            let sent = try socket.send(
                [worker] + Wire.message(.task, [token.frame, Wire.number(attempt), Wire.text(mode), payload]), dontWait: true)
            if !sent {
                tracker.unsent(sequence)
                tracker.remove(worker, failed: false)
                logger.info("worker unreachable, dropped", metadata: ["worker": "\(String(decoding: worker, as: UTF8.self))"])
                continue
            }
            if attempt > 1 { metrics.redelivered.increment() }
            if mode == "abandon" { metrics.abandoned.increment() }
        }
    }

    private func housekeeping(now: Int64) throws {
        for worker in tracker.silentWorkers(now: now, timeout: configuration.workerTimeoutMilliseconds) {
            let requeued = tracker.remove(worker, failed: true)
            logger.warning(
                "worker silent, its documents requeued",
                metadata: ["worker": "\(String(decoding: worker, as: UTF8.self))", "requeued": "\(requeued.count)"])
        }
        let expired = tracker.expireLeases(now: now)
        if !expired.isEmpty {
            logger.warning("leases expired, documents requeued", metadata: ["count": "\(expired.count)"])
        }
        feeders = feeders.filter { now - $0.value.lastSeen < 60_000 }
        try journal.compactIfWorthwhile()
        publishStatus()
    }

    private func publishStatus() {
        status.unfinished.store(journal.liveCount, ordering: .releasing)
        metrics.queueDepth.record(tracker.queueDepth)
        metrics.inFlight.record(tracker.inFlight)
        metrics.workers.record(tracker.workers.count)
        metrics.journalBytes.record(journal.stats.fileBytes)
    }
}
