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
    public var showProgress = false

    public init() {}
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
        var sentAt: Int64
    }

    public func run(_ source: InputSource) throws -> FeedReport {
        let socket = try Socket(context, .dealer)
        try SocketDefaults.configureConnecting(socket, identity: SocketDefaults.uniqueIdentity("feed"))
        try socket.connect(configuration.broker)
        defer { socket.close() }
        logger.info("feeding", metadata: ["broker": "\(configuration.broker)"])

        var report = FeedReport()
        var unacknowledged: [UInt64: Unacknowledged] = [:]
        var resendQueue = RingQueue<UInt64>()
        var nextReference: UInt64 = 1
        var credit = 0
        var epoch: String?
        var inputExhausted = false
        var lastHello: Int64 = 0
        var lastProgress: Int64 = 0
        var lastResendScan = MonotonicClock.milliseconds
        var poller = Poller()
        poller.add(socket)
        let started = MonotonicClock.milliseconds

        while !stop.isRequested {
            let now = MonotonicClock.milliseconds
            if now - lastHello >= (epoch == nil ? 200 : 1000) {
                lastHello = now
                _ = try socket.send(Wire.message(.hello), dontWait: true)
            }
            if try poller.poll(timeoutMilliseconds: credit > 0 ? 0 : 50)[0] {
                while let frames = try socket.receive(dontWait: true) {
                    guard let message = Wire.Parsed(frames[...]),
                        message.kind == .welcome || message.kind == .accepted,
                        let replyEpoch = message.string(0), let granted = message.int(1)
                    else { continue }
                    if replyEpoch != epoch {
                        if epoch != nil {
                            logger.warning("broker restarted; sending unacknowledged documents again", metadata: ["count": "\(unacknowledged.count)"])
                        }
                        epoch = replyEpoch
                        credit = 0
                        resendQueue = RingQueue()
                        for reference in unacknowledged.keys.sorted() { resendQueue.append(reference) }
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

            while credit > 0 {
                let reference: UInt64
                if let queued = resendQueue.popFirst() {
                    guard unacknowledged[queued] != nil else { continue }
                    reference = queued
                    report.resent += 1
                } else if !inputExhausted, let payload = try source.next() {
                    reference = nextReference
                    nextReference += 1
                    report.read += 1
                    unacknowledged[reference] = Unacknowledged(payload: payload, sentAt: 0)
                } else {
                    inputExhausted = true
                    break
                }
                let message = Wire.message(.doc, [Wire.number(reference), unacknowledged[reference]!.payload])
                guard try socket.send(message, dontWait: true) else {
                    resendQueue.prepend(reference)
                    break
                }
                unacknowledged[reference]!.sentAt = MonotonicClock.milliseconds
                credit -= 1
            }

            if now - lastResendScan >= 1000 {
                lastResendScan = now
                for (reference, entry) in unacknowledged
                where entry.sentAt > 0 && now - entry.sentAt > configuration.resendMilliseconds {
                    unacknowledged[reference]!.sentAt = 0
                    resendQueue.append(reference)
                }
            }
            if configuration.showProgress && now - lastProgress >= 250 {
                lastProgress = now
                printProgress(report, elapsed: now - started)
            }
            if inputExhausted && unacknowledged.isEmpty {
                report.complete = true
                break
            }
        }
        if configuration.showProgress {
            printProgress(report, elapsed: MonotonicClock.milliseconds - started)
            writeToStandardError("\n")
        }
        return report
    }

    private func printProgress(_ report: FeedReport, elapsed: Int64) {
        let rate = elapsed > 0 ? Double(report.accepted) * 1000 / Double(elapsed) : 0
        writeToStandardError("\r\u{1B}[Kfed \(report.read), accepted \(report.accepted) (\(Int(rate)) docs/s)")
    }
}
