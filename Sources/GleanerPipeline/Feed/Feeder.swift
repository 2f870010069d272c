import Logging
import ZeroMQ

#if canImport(Glibc)
import Glibc
#endif

public struct FeederConfiguration: Sendable {
    public var broker: String = DefaultEndpoints.brokerForFeeders
    /// An unacknowledged document is sent again after this long, in case the
    /// connection broke without the broker restarting.
    public var resendMilliseconds: Int64 = 30_000
    public var progress = ProgressStyle.off
    public var security: ClientSecurity = .plaintext

    public init() {}
}

/// How `gleaner feed` and `gleaner run` report progress on standard error.
public enum ProgressStyle: Sendable {
    case off
    /// One line redrawn in place four times a second, for a person at a terminal.
    case terminal
    /// A `progress` log record (notice level) every 5 s, for a pipe, a file or a
    /// journal, where redrawn lines would be noise; it follows `--log-format`.
    case log

    public static func forStandardError() -> ProgressStyle { isatty(2) != 0 ? .terminal : .log }
}

public struct FeedReport: Sendable {
    public var read = 0
    public var accepted = 0
    public var resent = 0
    public var complete = false
}

/// Sends documents to the broker's acknowledged ingest as fast as the broker grants
/// credit, and finishes only when every one is ACCEPTED (journaled). When the broker
/// restarts (a new epoch in its replies), everything not yet accepted is sent again.
public final class Feeder {
    private let configuration: FeederConfiguration
    private let context: Context
    private let logger: Logger
    private let stop: StopSignal

    public init(configuration: FeederConfiguration, context: Context, logger: Logger, stop: StopSignal) {
        self.configuration = configuration
        self.context = context
        self.logger = logger
        self.stop = stop
    }

    private struct Unacknowledged {
        var payload: [UInt8]
        /// 0 while waiting in the send queue.
        var sentAt: Int64
        var sends = 0
    }

    public func run(_ source: InputSource) throws -> FeedReport {
        try run(InputPump.start(source, context: context)[0])
    }

    func run(_ input: InputPump) throws -> FeedReport {
        let socket = try Socket(context, .dealer)
        try SocketDefaults.configureConnecting(
            socket, identity: SocketDefaults.uniqueIdentity("feed"), security: configuration.security)
        try socket.connect(configuration.broker)
        defer {
            socket.close()
            input.close()
        }
        logger.info("feeding", metadata: ["broker": "\(configuration.broker)"])

        var report = FeedReport()
        var unacknowledged: [UInt64: Unacknowledged] = [:]
        var pending = RingQueue<UInt64>()  // to send: new documents and resends, in order
        var blocked = false
        var nextReference: UInt64 = 1
        var credit = 0
        var epoch: String?
        var inputExhausted = false
        var lastHello: Int64 = 0
        var lastProgress: Int64 = 0
        var lastResendScan = MonotonicClock.milliseconds
        let started = MonotonicClock.milliseconds
        var brokerWatch = PeerWatch(
            name: "broker", endpoint: configuration.broker, silenceMilliseconds: 3_000, now: started)

        while !stop.isRequested {
            let now = MonotonicClock.milliseconds
            if now - lastHello >= (epoch == nil ? 200 : 1000) {
                lastHello = now
                _ = try socket.send(Wire.message(.hello), dontWait: true)
                brokerWatch.check(now: now, logger: logger)
            }
            // Input is read only against credit, and through the poller, so a slow
            // stdin never keeps the broker's acknowledgements waiting.
            var poller = Poller()
            poller.add(socket)
            let wantsInput = credit > 0 && pending.isEmpty && !inputExhausted
            if wantsInput { poller.add(input.socket) }
            let ready = try poller.poll(timeoutMilliseconds: credit > 0 && !pending.isEmpty && !blocked ? 0 : 50)
            blocked = false
            if ready[0] {
                while let frames = try socket.receive(dontWait: true) {
                    guard let message = Wire.Parsed(frames[...]),
                        message.kind == .welcome || message.kind == .accepted,
                        let replyEpoch = message.string(0), let granted = message.int(1)
                    else { continue }
                    brokerWatch.heard(now: now)
                    if replyEpoch != epoch {
                        if epoch != nil {
                            logger.warning(
                                "broker restarted; sending unacknowledged documents again",
                                metadata: ["count": "\(unacknowledged.count)"])
                        }
                        epoch = replyEpoch
                        credit = 0
                        pending = RingQueue()
                        for reference in unacknowledged.keys.sorted() { pending.append(reference) }
                    }
                    credit += granted
                    for frame in message.fields.dropFirst(2) {
                        if let reference = UInt64(String(decoding: frame, as: UTF8.self)),
                            unacknowledged.removeValue(forKey: reference) != nil
                        {
                            report.accepted += 1
                        }
                    }
                }
            }
            if wantsInput, ready.count > 1, ready[1] {
                while pending.count < credit, let item = try input.next() {
                    guard case .document(let payload) = item else {
                        inputExhausted = true
                        break
                    }
                    unacknowledged[nextReference] = Unacknowledged(payload: payload, sentAt: 0)
                    pending.append(nextReference)
                    nextReference += 1
                    report.read += 1
                }
            }
            while credit > 0, let reference = pending.popFirst() {
                guard let entry = unacknowledged[reference] else { continue }
                guard try socket.send(Wire.message(.doc, [Wire.number(reference), entry.payload]), dontWait: true) else {
                    // No broker connection: wait for one (polling) rather than spin.
                    pending.prepend(reference)
                    blocked = true
                    break
                }
                if entry.sends > 0 { report.resent += 1 }
                unacknowledged[reference]!.sentAt = MonotonicClock.milliseconds
                unacknowledged[reference]!.sends += 1
                credit -= 1
            }

            if now - lastResendScan >= 1000 {
                lastResendScan = now
                for (reference, entry) in unacknowledged
                where entry.sentAt > 0 && now - entry.sentAt > configuration.resendMilliseconds {
                    unacknowledged[reference]!.sentAt = 0
                    pending.append(reference)
                }
            }
            if configuration.progress != .off && now - lastProgress >= (configuration.progress == .terminal ? 250 : 5_000) {
                lastProgress = now
                showProgress(report, elapsed: now - started)
            }
            if inputExhausted && unacknowledged.isEmpty {
                report.complete = true
                break
            }
        }
        showProgress(report, elapsed: MonotonicClock.milliseconds - started)
        if configuration.progress == .terminal { writeToStandardError("\n") }
        return report
    }

    private func showProgress(_ report: FeedReport, elapsed: Int64) {
        let rate = Int(elapsed > 0 ? Double(report.accepted) * 1000 / Double(elapsed) : 0)
        switch configuration.progress {
        case .off:
            return
        case .terminal:
            writeToStandardError("\r\u{1B}[Kfed \(report.read), accepted \(report.accepted) (\(rate) docs/s)")
        case .log:
            logger.notice(
                "progress", metadata: ["read": "\(report.read)", "accepted": "\(report.accepted)", "docs-per-second": "\(rate)"])
        }
    }
}
