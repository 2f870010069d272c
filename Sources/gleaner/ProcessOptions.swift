import ArgumentParser
import Foundation
import GleanerPipeline
import Logging
import ZeroMQ

/// Options every long-running process shares.
struct ProcessOptions: ParsableArguments {
    @OptionGroup var logging: LogOptions

    @Option(help: "Seconds to finish in-flight work after SIGTERM/SIGINT before exiting.")
    var stopDeadline: Double = 10

    @Option(help: "IPv4 address the metrics and probe port listens on: 127.0.0.1 keeps it on this host.")
    var metricsAddress = "0.0.0.0"

    func makeLogger(_ label: String) -> Logger {
        logging.makeLogger(label)
    }
}

/// The life of one `gleaner broker|worker|sink` process: trap signals, serve metrics
/// and probes, run the component on the main thread, and make sure a stop never
/// outlives its deadline (a watchdog ends the process if the component is stuck).
enum ProcessHarness {
    /// `body` builds the component with the readiness it reports to, calls
    /// `readiness.markStarted()` once built (/healthz: 200), and runs it.
    static func run(
        role: String, options: ProcessOptions, metricsPort: Int, defaultMetricsPort: Int,
        _ body: (Context, StopSignal, Logger, Readiness) throws -> Bool
    ) throws {
        let logger = options.makeLogger("gleaner.\(role)")
        let stop = StopSignal()
        let deadline = options.stopDeadline
        stop.trapTerminationSignals { signalNumber in
            logger.info("stop requested", metadata: ["signal": "\(signalNumber)", "deadline-seconds": "\(deadline)"])
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: deadline + 1)
                logger.critical("did not stop within the deadline; exiting")
                exit(3)
            }
        }
        let readiness = Readiness()
        let metrics = try startMetrics(
            port: metricsPort, address: options.metricsAddress, defaultPort: defaultMetricsPort, logger: logger,
            readiness: readiness)
        let context = try Context()
        let clean = try body(context, stop, logger, readiness)
        metrics?.stop()
        if clean {
            context.terminate()
        } else {
            // A thread is still inside the extraction core; zmq_ctx_term would wait for it.
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    static func startMetrics(port: Int, address: String, defaultPort: Int, logger: Logger, readiness: Readiness) throws
        -> MetricsServer?
    {
        guard port != 0 else { return nil }
        let registry = MetricsBootstrap.registry()
        let server: MetricsServer
        do {
            server = try MetricsServer(port: port, address: address, registry: registry, readiness: readiness)
        } catch  where port == defaultPort {
            // Several workers on one host all default to the same port; the later ones
            // take a free port rather than refusing to start.
            logger.warning("default metrics port taken; using a free one", metadata: ["port": "\(port)"])
            server = try MetricsServer(port: 0, address: address, registry: registry, readiness: readiness)
        }
        server.start()
        logger.info(
            "metrics", metadata: ["url": "http://0.0.0.0:\(server.port)/metrics", "liveness": "/healthz", "readiness": "/readyz"])
        return server
    }
}
