import Foundation
import GleanerCore
import Logging
import Synchronization
import ZeroMQ

public struct EmbeddedConfiguration: Sendable {
    public var workerThreads = 2
    public var outputDirectory = "out"
    /// Where the broker journals; kept after a crash so a rerun resumes, removed on success.
    public var journalDirectory: String?
    public var maxBytes = RecordDecoder.defaultMaxBytes
    public var fsync = "batch"
    public var progress = ProgressStyle.off
    public var onDuplicate = "drop"

    public init() {}
}

public struct EmbeddedReport: Sendable {
    public var feed: FeedReport
    public var seconds: Double
    /// What the sink wrote and dropped: a rerun into the same folder writes nothing new.
    public var sink: SinkTally
}

/// `gleaner run`: broker, worker threads and sink in one process, talking over
/// inproc sockets. The same components as the distributed deployment, so the
/// embedded mode exercises the real protocol, journal and result log.
public final class EmbeddedPipeline {
    private let configuration: EmbeddedConfiguration
    private let logger: Logger
    private let extractor: any Extractor

    public init(configuration: EmbeddedConfiguration, logger: Logger, extractor: any Extractor = BaselineExtractor()) {
        self.configuration = configuration
        self.logger = logger
        self.extractor = extractor
    }

    public func run(inputs: [String], stop: StopSignal) throws -> EmbeddedReport {
        let source = try InputSource(inputs)
        let context = try Context()
        let name = SocketDefaults.uniqueIdentity("gleaner")
        let journalDirectory = configuration.journalDirectory ?? configuration.outputDirectory + "/.journal"

        var brokerConfiguration = BrokerConfiguration()
        brokerConfiguration.plainIngest = nil
        brokerConfiguration.ackedIngest = "inproc://\(name)-ingest"
        brokerConfiguration.workers = "inproc://\(name)-workers"
        brokerConfiguration.journalDirectory = journalDirectory
        var sinkConfiguration = SinkConfiguration()
        sinkConfiguration.bind = "inproc://\(name)-sink"
        sinkConfiguration.outputDirectory = configuration.outputDirectory
        sinkConfiguration.fsync = configuration.fsync
        sinkConfiguration.onDuplicate = configuration.onDuplicate
        var workerConfiguration = WorkerConfiguration()
        workerConfiguration.broker = brokerConfiguration.workers
        workerConfiguration.sink = sinkConfiguration.bind
        workerConfiguration.threads = max(1, configuration.workerThreads)
        workerConfiguration.maxBytes = configuration.maxBytes
        var feederConfiguration = FeederConfiguration()
        feederConfiguration.broker = brokerConfiguration.ackedIngest
        feederConfiguration.progress = configuration.progress

        let brokerStop = StopSignal()
        let sinkStop = StopSignal()
        let workerStop = StopSignal()
        let status = BrokerStatus()
        let broker = Broker(
            configuration: brokerConfiguration, context: context, logger: logger, stop: brokerStop, status: status)
        let sink = Sink(configuration: sinkConfiguration, context: context, logger: logger, stop: sinkStop)
        let worker = Worker(
            configuration: workerConfiguration, context: context, logger: logger, stop: workerStop, extractor: extractor)
        let failures = Mutex<[String]>([])
        let running = Atomic<Int>(3)

        func launch(_ label: String, _ body: @escaping @Sendable () throws -> Void) {
            let thread = Thread {
                defer { running.subtract(1, ordering: .releasing) }
                do { try body() } catch { failures.withLock { $0.append("\(label): \(error)") } }
            }
            thread.name = "gleaner-\(label)"
            thread.start()
        }
        let started = MonotonicClock.milliseconds
        nonisolated(unsafe) let unsafeBroker = broker
        nonisolated(unsafe) let unsafeSink = sink
        nonisolated(unsafe) let unsafeWorker = worker
        launch("broker") { try unsafeBroker.run() }
        launch("sink") { try unsafeSink.run() }
        while !status.isStarted && failures.withLock({ $0.isEmpty }) { usleepMilliseconds(5) }
        launch("worker") { try unsafeWorker.run() }

        func stopAll() {
            workerStop.request()
            while running.load(ordering: .acquiring) == 3 { usleepMilliseconds(5) }
            sinkStop.request()
            brokerStop.request()
            while running.load(ordering: .acquiring) > 0 { usleepMilliseconds(5) }
        }

        let feeder = Feeder(configuration: feederConfiguration, context: context, logger: logger, stop: stop)
        let report: FeedReport
        do {
            report = try feeder.run(source)
        } catch {
            stopAll()
            throw error
        }
        // Every document is journaled once accepted; the run is over when the journal
        // has nothing unfinished, i.e. the sink has made every record durable.
        while report.complete && !stop.isRequested && status.unfinishedCount > 0 && failures.withLock({ $0.isEmpty }) {
            usleepMilliseconds(10)
        }
        stopAll()
        context.terminate()
        if let failure = failures.withLock({ $0.first }) { throw ConfigurationError("pipeline failed: \(failure)") }
        for path in source.skipped { logger.warning("skipped input of unknown type", metadata: ["path": "\(path)"]) }
        if report.complete && status.unfinishedCount == 0 && configuration.journalDirectory == nil {
            try? FileManager.default.removeItem(atPath: journalDirectory)
        }
        return EmbeddedReport(feed: report, seconds: Double(MonotonicClock.milliseconds - started) / 1000, sink: sink.tally)
    }
}
