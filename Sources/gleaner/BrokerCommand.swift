import ArgumentParser
import GleanerPipeline

struct BrokerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "The queue: journals documents, leases them to workers, tracks them until written.",
        discussion: """
            Security (CURVE; no keys only with --insecure-plaintext), in five lines:
              gleaner keys generate --out keys/srv      # the brokers' and the sink's keys
              gleaner keys generate --out keys/w1       # one per client (w1: a worker)
              cat keys/w1.pub >> keys/allow.pub         # let w1 in
              gleaner broker --curve-secret-key keys/srv.key --curve-allow keys/allow.pub
              gleaner worker --curve-secret-key keys/w1.key --curve-server-key keys/srv.pub
            The sink takes the broker's two flags, `gleaner feed` the worker's.
            Several brokers: each its own --journal; workers and feed list them all.
            """)

    @Option(help: "Plain ingest (PULL) for fire-and-forget scrapers, e.g. pyzmq PUSH + send_json. 'off' disables it.")
    var ingest = DefaultEndpoints.plainIngest

    @Option(help: "Acknowledged ingest (ROUTER) used by `gleaner feed`.")
    var ingestAcked = DefaultEndpoints.ackedIngest

    @Option(help: "Endpoint workers connect to (ROUTER).")
    var workers = DefaultEndpoints.workers

    @Option(help: "Journal directory; restarting with the same one resumes unfinished documents.")
    var journal = "gleaner-journal"

    @Option(help: "Queued documents beyond which ingest pauses (feeders slow down).")
    var maxQueue = 100_000

    @Option(help: "Seconds a worker may hold a document before it is given to another.")
    var leaseTimeout: Double = 60

    @Option(help: "Seconds of silence after which a worker is considered dead.")
    var workerTimeout: Double = 5

    @Option(help: "Failed deliveries after which a document becomes an error record.")
    var maxAttempts = 5

    @Option(help: "Prometheus /metrics and /healthz port (0 disables).")
    var metricsPort = DefaultEndpoints.brokerMetricsPort

    @OptionGroup var security: ServerSecurityOptions

    @OptionGroup var process: ProcessOptions

    func run() throws {
        var configuration = BrokerConfiguration()
        configuration.plainIngest = ingest == "off" ? nil : ingest
        configuration.ackedIngest = ingestAcked
        configuration.workers = workers
        configuration.journalDirectory = journal
        configuration.maxQueue = maxQueue
        configuration.leaseMilliseconds = Int64(leaseTimeout * 1000)
        configuration.workerTimeoutMilliseconds = Int64(workerTimeout * 1000)
        configuration.maxAttempts = maxAttempts
        configuration.security = try security.resolve()
        try ProcessHarness.run(
            role: "broker", options: process, metricsPort: metricsPort,
            defaultMetricsPort: DefaultEndpoints.brokerMetricsPort
        ) { context, stop, logger, readiness in
            let component = Broker(
                configuration: configuration, context: context, logger: logger, stop: stop, readiness: readiness)
            readiness.markStarted()
            try component.run()
            return true
        }
    }
}
