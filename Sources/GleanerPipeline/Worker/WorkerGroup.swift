import GleanerCore
import Logging
import ZeroMQ

/// A worker process serving several brokers: one `Worker` per broker, each with its
/// own connection, credit and extraction threads, so a broker that is down idles only
/// the threads that served it (an idle thread costs no CPU) and the rest go on.
public final class WorkerGroup {
    private let workers: [Worker]
    private let stop: StopSignal

    /// `configuration.broker` is ignored: each worker gets one of `brokers`.
    public init(
        brokers: [String], configuration: WorkerConfiguration, context: Context, logger: Logger, stop: StopSignal,
        extractor: any Extractor, readiness: Readiness = Readiness()
    ) {
        workers = brokers.map { broker in
            var one = configuration
            one.broker = broker
            return Worker(
                configuration: one, context: context, logger: logger, stop: stop, extractor: extractor, readiness: readiness)
        }
        self.stop = stop
    }

    /// Runs until stopped; returns whether every extraction thread of every worker
    /// exited. A worker that fails stops the others, and its error is thrown.
    public func run() throws -> Bool {
        if workers.count == 1 { return try workers[0].run() }
        let stop = self.stop
        let bodies: [@Sendable () throws -> Bool] = workers.map { worker in
            nonisolated(unsafe) let worker = worker  // used by the one thread made for it
            return { try worker.run() }
        }
        var clean = true
        for outcome in ThreadJoin.run(named: "gleaner-worker", bodies, onFailure: { stop.request() }) {
            clean = try outcome.get() && clean
        }
        return clean
    }
}
