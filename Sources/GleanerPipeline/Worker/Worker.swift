import GleanerCore
import Logging
import Metrics
import ZeroMQ

public struct WorkerConfiguration: Sendable {
    public var broker: String = DefaultEndpoints.brokerForWorkers
    public var sink: String = DefaultEndpoints.sinkForWorkers
    public var threads = 1
    /// Documents held beyond the busy threads, so a thread never waits for the network.
    public var prefetch: Int? = nil
    /// Results sent to the sink and not yet acknowledged, beyond which no work is asked for.
    public var maxUnacknowledged = 64
    public var maxBytes = RecordDecoder.defaultMaxBytes
    public var stopDeadlineMilliseconds: Int64 = 10_000
    public var sinkResendMilliseconds: Int64 = 5_000
    public var brokerSilenceMilliseconds: Int64 = 3_000
    /// Applies to the broker and the sink connections alike.
    public var security: ClientSecurity = .plaintext

    public init() {}
}

/// Asks the broker for work when it has room (credit), runs the extraction core on
/// its threads, sends each record to the sink, and tells the broker DONE only once
/// the sink has acknowledged the record as durable.
public final class Worker {
    private struct Task {
        var token: Frame
        var attempt: Frame
        var mode: Frame
        var payload: Frame
    }

    private struct PendingPut {
        var message: [Frame]
        var lastSent: Int64
        var firstSent: Int64
    }

    private let configuration: WorkerConfiguration
    private let context: Context
    private let logger: Logger
    private let stop: StopSignal
    private let processor: DocumentProcessor
    private let readiness: Readiness
    private let metrics = WorkerMetrics()
    private let identity = SocketDefaults.uniqueIdentity("worker")

    private var tasks = RingQueue<Task>()
    private var idleThreads: [Frame] = []
    private var busyTokens: [Frame: Frame] = [:]  // thread -> token
    private var unacknowledged: [Frame: PendingPut] = [:]
    private var doneToReport: [Frame] = []
    private var outstandingCredit = 0
    private var brokerEpoch: String?
    private var lastPong: Int64 = 0
    private var brokerWatch: PeerWatch
    private var sinkWatch: PeerWatch
    private var draining = false

    public init(
        configuration: WorkerConfiguration, context: Context, logger: Logger, stop: StopSignal,
        extractor: any Extractor = BaselineExtractor(), readiness: Readiness = Readiness()
    ) {
        self.configuration = configuration
        self.context = context
        self.logger = logger
        self.stop = stop
        self.processor = DocumentProcessor(extractor: extractor, maxBytes: configuration.maxBytes)
        self.readiness = readiness
        let now = MonotonicClock.milliseconds
        brokerWatch = PeerWatch(
            name: "broker", endpoint: configuration.broker, silenceMilliseconds: configuration.brokerSilenceMilliseconds, now: now
        )
        sinkWatch = PeerWatch(
            name: "sink", endpoint: configuration.sink, silenceMilliseconds: configuration.brokerSilenceMilliseconds, now: now)
        readiness.require(brokerWatch.condition, sinkWatch.condition)
    }

    private var capacity: Int { configuration.threads + (configuration.prefetch ?? configuration.threads) }
    private var held: Int { tasks.count + busyTokens.count }

    /// Runs on the calling thread until stopped and drained. Returns whether every
    /// extraction thread exited (only then may the caller terminate the context).
    @discardableResult
    public func run() throws -> Bool {
        let brokerSocket = try Socket(context, .dealer)
        try SocketDefaults.configureConnecting(brokerSocket, identity: identity, security: configuration.security)
        try brokerSocket.connect(configuration.broker)
        let sinkSocket = try Socket(context, .dealer)
        try SocketDefaults.configureConnecting(sinkSocket, identity: identity, security: configuration.security)
        try sinkSocket.connect(configuration.sink)
        let pool = ExtractionPool(threads: configuration.threads)
        let poolSocket = try Socket(context, .router, linger: 0)
        try poolSocket.bind(pool.endpoint)
        pool.start(context: context, processor: processor, logger: logger)
        logger.info(
            "worker connected",
            metadata: [
                "broker": "\(configuration.broker)", "sink": "\(configuration.sink)", "threads": "\(configuration.threads)",
                "identity": "\(identity)", "extractor": "\(processor.extractor.info.name) \(processor.extractor.info.version)",
            ])
        defer {
            brokerSocket.close()
            sinkSocket.close()
            poolSocket.close()
        }

        var poller = Poller()
        poller.add(brokerSocket)
        poller.add(sinkSocket)
        poller.add(poolSocket)
        var lastPing: Int64 = 0
        var drainDeadline: Int64 = .max
        while true {
            let ready = try poller.poll(timeoutMilliseconds: 50)
            let now = MonotonicClock.milliseconds
            if ready[0] { try readBroker(brokerSocket, now: now) }
            if ready[2] { try readPool(poolSocket, sink: sinkSocket, now: now) }
            if ready[1] { try readSink(sinkSocket, now: now) }

            if stop.isRequested && !draining {
                draining = true
                drainDeadline = now + configuration.stopDeadlineMilliseconds - 500
                _ = try brokerSocket.send(Wire.message(.drain), dontWait: true)
                try giveBackQueued(brokerSocket)
                logger.info(
                    "worker draining",
                    metadata: ["in-progress": "\(busyTokens.count)", "awaiting-sink": "\(unacknowledged.count)"])
            }
            try assignTasks(poolSocket)
            try reportDone(brokerSocket)
            if !draining { try requestWork(brokerSocket) }

            // Until a broker answers, ask often: the first PING is dropped while the
            // connection is still being made (IMMEDIATE), and a returning broker should
            // get its workers back at once, not a heartbeat later.
            if now - lastPing >= (brokerEpoch == nil ? 200 : Int64(SocketDefaults.heartbeatMilliseconds)) {
                lastPing = now
                _ = try brokerSocket.send(Wire.message(.ping), dontWait: true)
                _ = try sinkSocket.send(Wire.message(.ping), dontWait: true)
                if now - lastPong > configuration.brokerSilenceMilliseconds { brokerEpoch = nil }
                brokerWatch.check(now: now, logger: logger, readiness: readiness)
                sinkWatch.check(now: now, logger: logger, readiness: readiness)
                try resendUnacknowledged(sinkSocket, now: now)
            }
            metrics.inFlight.record(held + unacknowledged.count)

            if draining {
                // DONEs that cannot reach a vanished broker need no wait: those records are
                // durable, and a redelivery is dropped by the sink.
                let finished = busyTokens.isEmpty && unacknowledged.isEmpty && (doneToReport.isEmpty || brokerEpoch == nil)
                if finished || now >= drainDeadline {
                    if !finished {
                        // Out of time: whatever is unfinished goes back to the broker now
                        // rather than waiting for its lease to expire.
                        let unfinished = Array(busyTokens.values) + Array(unacknowledged.keys)
                        _ = try brokerSocket.send(Wire.message(.giveBack, unfinished), dontWait: true)
                        metrics.returned.increment(by: unfinished.count)
                        logger.warning("stop deadline reached, documents handed back", metadata: ["count": "\(unfinished.count)"])
                    }
                    _ = try brokerSocket.send(Wire.message(.bye), dontWait: true)
                    break
                }
            }
        }
        for thread in idleThreads { _ = try poolSocket.send([thread] + ExtractionPool.stopMessage, dontWait: true) }
        let waitUntil = MonotonicClock.milliseconds + 1_000
        while !pool.allExited && MonotonicClock.milliseconds < waitUntil {
            // Threads that finish late still report; tell them to stop too.
            if let frames = try poolSocket.receive(dontWait: true), let thread = frames.first {
                _ = try poolSocket.send([thread] + ExtractionPool.stopMessage, dontWait: true)
            } else {
                usleepMilliseconds(10)
            }
        }
        logger.info("worker stopped")
        return pool.allExited
    }

    private func readBroker(_ socket: Socket, now: Int64) throws {
        while let frames = try socket.receive(dontWait: true) {
            guard let message = Wire.Parsed(frames[...]) else { continue }
            switch message.kind {
            case .task:
                guard let token = message.frame(0), let attempt = message.frame(1), let mode = message.frame(2),
                    let payload = message.frame(3)
                else { continue }
                outstandingCredit = max(0, outstandingCredit - 1)
                metrics.received.increment()
                if draining {
                    _ = try socket.send(Wire.message(.giveBack, [token]), dontWait: true)
                } else {
                    tasks.append(Task(token: token, attempt: attempt, mode: mode, payload: payload))
                }
            case .pong:
                lastPong = now
                brokerWatch.heard(now: now)
                let epoch = message.string(0)
                if epoch != brokerEpoch || message.string(1) == "0" {
                    if brokerEpoch != nil { logger.info("broker restarted or forgot this worker; asking for work again") }
                    brokerEpoch = epoch
                    outstandingCredit = 0
                }
            default:
                continue
            }
        }
    }

    private func readPool(_ socket: Socket, sink: Socket, now: Int64) throws {
        while let frames = try socket.receive(dontWait: true) {
            guard frames.count >= 2, let reply = ExtractionPool.parse(frames.dropFirst()) else { continue }
            let thread = frames[0]
            switch reply {
            case .ready:
                idleThreads.append(thread)
            case .result(let token, let id, let outcome, let failureCode, let line, let elapsed):
                busyTokens[thread] = nil
                idleThreads.append(thread)
                metrics.extraction.recordNanoseconds(Int64(elapsed))
                (outcome == .result ? metrics.succeeded : metrics.failed).increment()
                if let failureCode { metrics.errorRecords[failureCode]?.increment() }
                let message = Wire.message(.put, [token, Array(id.utf8), Array(outcome.rawValue.utf8), line])
                let sent = try sink.send(message, dontWait: true)
                unacknowledged[token] = PendingPut(message: message, lastSent: sent ? now : 0, firstSent: now)
            }
        }
    }

    private func readSink(_ socket: Socket, now: Int64) throws {
        while let frames = try socket.receive(dontWait: true) {
            guard let message = Wire.Parsed(frames[...]) else { continue }
            sinkWatch.heard(now: now)  // a PONG or an ACK: either way the sink is there
            guard message.kind == .ack else { continue }
            for token in message.fields {
                if let put = unacknowledged.removeValue(forKey: token) {
                    metrics.sinkAck.recordMilliseconds(now - put.firstSent)
                    doneToReport.append(token)
                }
            }
        }
    }

    private func assignTasks(_ socket: Socket) throws {
        while !idleThreads.isEmpty, let task = tasks.popFirst() {
            let thread = idleThreads.removeLast()
            busyTokens[thread] = task.token
            try socket.send(
                [thread] + ExtractionPool.task(token: task.token, attempt: task.attempt, mode: task.mode, payload: task.payload))
        }
    }

    private func reportDone(_ socket: Socket) throws {
        guard !doneToReport.isEmpty else { return }
        // Without a broker connection the send fails and the list is kept; if it is
        // lost anyway, the broker redelivers and the sink drops the duplicate.
        if try socket.send(Wire.message(.done, doneToReport), dontWait: true) {
            doneToReport.removeAll(keepingCapacity: true)
        }
    }

    private func requestWork(_ socket: Socket) throws {
        guard brokerEpoch != nil else { return }
        let room = min(
            capacity - held - outstandingCredit,
            configuration.maxUnacknowledged - unacknowledged.count - held - outstandingCredit)
        guard room > 0 else { return }
        if try socket.send(Wire.message(.ready, [Wire.number(room)]), dontWait: true) {
            outstandingCredit += room
        }
    }

    private func giveBackQueued(_ socket: Socket) throws {
        var tokens: [Frame] = []
        while let task = tasks.popFirst() { tokens.append(task.token) }
        guard !tokens.isEmpty else { return }
        _ = try socket.send(Wire.message(.giveBack, tokens), dontWait: true)
        metrics.returned.increment(by: tokens.count)
    }

    private func resendUnacknowledged(_ socket: Socket, now: Int64) throws {
        for (token, put) in unacknowledged where now - put.lastSent >= configuration.sinkResendMilliseconds {
            if try socket.send(put.message, dontWait: true) { unacknowledged[token]?.lastSent = now }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

func usleepMilliseconds(_ milliseconds: Int) {
    usleep(UInt32(milliseconds * 1000))
}
