import ArgumentParser
import GleanerPipeline
import ZeroMQ

#if canImport(Glibc)
import Glibc
#endif

struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Sends documents to the broker; exits 0 once the broker has journaled every one.",
        discussion:
            "INPUT: JSON Lines files (.jsonl, .json), .txt and .html files, directories (recursively), or - for JSON Lines on stdin."
    )

    @Option(
        help: """
            The broker's acknowledged ingest endpoint. Several (repeated, or separated by commas): each document goes to \
            broker FNV-1a-64(id) mod N, in the order given.
            """)
    var to: [String] = [DefaultEndpoints.brokerForFeeders]

    @Option(help: "Seconds after which an unacknowledged document is sent again.")
    var resendAfter: Double = 30

    @OptionGroup var logging: LogOptions

    @Argument(help: "Inputs to send.")
    var inputs: [String]

    @OptionGroup var security: ClientSecurityOptions

    func run() throws {
        var configuration = FeederConfiguration()
        configuration.security = try security.resolve()
        let logger = logging.makeLogger("gleaner.feed")
        let stop = StopSignal()
        stop.trapTerminationSignals()
        let source = try InputSource(inputs)
        let context = try Context()
        configuration.resendMilliseconds = Int64(resendAfter * 1000)
        configuration.progress = .forStandardError()
        let report = try ShardedFeed(
            brokers: EndpointList.split(to), configuration: configuration, context: context, logger: logger, stop: stop
        ).run(source)
        context.terminate()
        for path in source.skipped { logger.warning("skipped input of unknown type", metadata: ["path": "\(path)"]) }
        logger.info(
            "feed finished",
            metadata: ["read": "\(report.read)", "accepted": "\(report.accepted)", "resent": "\(report.resent)"])
        if !report.complete { throw ExitCode(1) }
    }
}
