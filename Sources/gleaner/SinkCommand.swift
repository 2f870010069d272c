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

    @Option(
        help:
            "Rotate output files: hourly, daily, or a size such as 64MB. Files are written as *.jsonl.open and renamed to *.jsonl once complete. Default: one results.jsonl and one errors.jsonl."
    )
    var rotate: String?

    @Option(
        help:
            "drop: a record whose id was written before is dropped (logged, counted); supersede: a changed result is written as the id's next version."
    )
    var onDuplicate = "drop"

    @Option(help: "PUB endpoint announcing each record once durable (e.g. tcp://*:5560).")
    var publishBind: String?

    @Option(help: "What --publish-bind sends: ids ({id, file, status}) or records (each whole record).")
    var publish = "ids"

    @Flag(help: "Do not mark near-duplicates (nearDuplicateOf stays null).")
    var noNearDuplicates = false

    @Option(help: "Prometheus /metrics and /healthz port (0 disables).")
    var metricsPort = DefaultEndpoints.sinkMetricsPort

    @OptionGroup var security: ServerSecurityOptions

    @OptionGroup var process: ProcessOptions

    func validate() throws {
        guard ["drop", "supersede"].contains(onDuplicate) else {
            throw ValidationError("--on-duplicate must be drop or supersede")
        }
        guard ["ids", "records"].contains(publish) else { throw ValidationError("--publish must be ids or records") }
        if let rotate, Rotation(rotate) == nil { throw ValidationError("--rotate must be hourly, daily or a size like 64MB") }
    }

    func run() throws {
        var configuration = SinkConfiguration()
        configuration.bind = bind
        configuration.outputDirectory = out
        configuration.fsync = fsync.rawValue
        configuration.batchSize = batchSize
        configuration.rotate = rotate
        configuration.onDuplicate = onDuplicate
        configuration.publishBind = publishBind
        configuration.publish = publish
        configuration.nearDuplicates = !noNearDuplicates
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
