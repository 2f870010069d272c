import ArgumentParser
import GleanerPipeline

struct SinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: "Writes records to OUT/results.jsonl and OUT/errors.jsonl, each id exactly once.")

    @Option(help: "Endpoint workers connect to (ROUTER).")
    var bind = DefaultEndpoints.sink

    @Option(help: "Output directory.")
    var out = "out"

    @Option(help: "batch: fsync every batch before acknowledging it; never: acknowledge once written to the OS.")
    var fsync: FsyncMode = .batch

    @Option(help: "Records per group commit at most.")
    var batchSize = 512

    @Option(help: "Prometheus /metrics and /healthz port (0 disables).")
    var metricsPort = DefaultEndpoints.sinkMetricsPort

    @OptionGroup var security: ServerSecurityOptions

    @OptionGroup var process: ProcessOptions

    func run() throws {
        var configuration = SinkConfiguration()
        configuration.bind = bind
        configuration.outputDirectory = out
        configuration.fsync = fsync.rawValue
        configuration.batchSize = batchSize
        configuration.security = try security.resolve()
        try ProcessHarness.run(
            role: "sink", options: process, metricsPort: metricsPort, defaultMetricsPort: DefaultEndpoints.sinkMetricsPort
        ) { context, stop, logger, readiness in
            let component = Sink(configuration: configuration, context: context, logger: logger, stop: stop, readiness: readiness)
            readiness.markStarted()
            try component.run()
            return true
        }
    }
}

/// The sink's fsync policies by name (ResultLog.FsyncPolicy), so the parser refuses others.
enum FsyncMode: String, ExpressibleByArgument, CaseIterable {
    case batch, never
}
