import ArgumentParser
import GleanerCore
import GleanerPipeline
import GleanerResources

struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Pulls documents from the broker, runs the extraction core, sends records to the sink.")

    @Option(
        help: "Broker endpoint to connect to; repeat it, or separate with commas, for several brokers (the worker serves all).")
    var broker: [String] = [DefaultEndpoints.brokerForWorkers]

    @Option(help: "Sink endpoint to connect to.")
    var sink = DefaultEndpoints.sinkForWorkers

    @Option(help: "Extraction threads in this process.")
    var threads = 1

    @Option(help: "Inputs over this many bytes become `too_large` error records.")
    var maxBytes = RecordDecoder.defaultMaxBytes

    @Option(help: "Prometheus /metrics and /healthz port (0 disables; a free port is used if the default is taken).")
    var metricsPort = DefaultEndpoints.workerMetricsPort

    @OptionGroup var security: ClientSecurityOptions

    @OptionGroup var process: ProcessOptions

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        modelOptions.use()
        var configuration = WorkerConfiguration()
        let brokers = EndpointList.split(broker)
        configuration.security = try security.resolve()
        configuration.sink = sink
        configuration.threads = threads
        configuration.maxBytes = maxBytes
        configuration.stopDeadlineMilliseconds = Int64(process.stopDeadline * 1000)
        try ProcessHarness.run(
            role: "worker", options: process, metricsPort: metricsPort,
            defaultMetricsPort: DefaultEndpoints.workerMetricsPort
        ) { context, stop, logger, readiness in
            // Loaded after the signal handlers are in place: a stop during the load is graceful.
            let extractor = try StandardModels.standardExtractor()
            let worker = WorkerGroup(
                brokers: brokers, configuration: configuration, context: context, logger: logger, stop: stop,
                extractor: extractor,
                readiness: readiness)
            readiness.markStarted()
            return try worker.run()
        }
    }
}
