import Logging
import ZeroMQ

/// `gleaner feed` to several brokers: each document goes to the broker its id hashes
/// to (`BrokerShard`), through one `Feeder` per broker on a thread of its own, so a
/// broker that is down holds back only its own share. Done when every shard is.
public final class ShardedFeed {
    private let brokers: [String]
    private let configuration: FeederConfiguration
    private let context: Context
    private let logger: Logger
    private let stop: StopSignal

    /// `configuration.broker` is ignored: each feeder gets one of `brokers`.
    public init(brokers: [String], configuration: FeederConfiguration, context: Context, logger: Logger, stop: StopSignal) {
        self.brokers = brokers
        self.configuration = configuration
        self.context = context
        self.logger = logger
        self.stop = stop
    }

    public func run(_ source: InputSource) throws -> FeedReport {
        if brokers.count == 1 {
            var single = configuration
            single.broker = brokers[0]
            return try Feeder(configuration: single, context: context, logger: logger, stop: stop).run(source)
        }
        let pumps = try InputPump.start(source, context: context, shards: brokers.count)
        let bodies: [@Sendable () throws -> FeedReport] = zip(brokers, pumps).map { broker, pump in
            var shard = configuration
            shard.broker = broker
            // Several progress lines on one terminal line would only garble each other.
            shard.showProgress = false
            // Each feeder and its pump's socket are used only by the one thread made for
            // them; the socket moves there once, across the thread start (a full memory
            // barrier, which is what libzmq asks of a socket changing threads).
            nonisolated(unsafe) let feeder = Feeder(configuration: shard, context: context, logger: logger, stop: stop)
            nonisolated(unsafe) let input = pump
            return { try feeder.run(input) }
        }
        var total = FeedReport()
        total.complete = true
        let signal = stop
        for outcome in ThreadJoin.run(named: "gleaner-feed", bodies, onFailure: { signal.request() }) {
            let report = try outcome.get()
            total.read += report.read
            total.accepted += report.accepted
            total.resent += report.resent
            total.complete = total.complete && report.complete
        }
        return total
    }
}
