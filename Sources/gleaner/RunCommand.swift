import ArgumentParser
import Foundation
import GleanerCore
import GleanerPipeline
import GleanerResources

#if canImport(Glibc)
import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Broker, workers and sink in one process: processes INPUT (default: examples/) into OUT.")

    @Option(help: "Extraction threads.")
    var workers = 2

    @Option(help: "Output directory for results.jsonl and errors.jsonl.")
    var out = "out"

    @Option(help: "Inputs over this many bytes become `too_large` error records.")
    var maxBytes = RecordDecoder.defaultMaxBytes

    @Option(help: "batch or never (see `gleaner sink --help`).")
    var fsync: FsyncMode = .batch

    @OptionGroup var logging: LogOptions

    @Option(
        help:
            "drop: a record whose id is already in OUT is not written again; supersede: a changed result is written as the id's next version."
    )
    var onDuplicate = "drop"

    func validate() throws {
        guard ["drop", "supersede"].contains(onDuplicate) else {
            throw ValidationError("--on-duplicate must be drop or supersede")
        }
    }

    @Argument(help: "JSON Lines, .txt or .html files, directories, or - for stdin. Default: the bundled examples.")
    var inputs: [String] = []

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        modelOptions.use()
        let logger = logging.makeLogger("gleaner.run", defaultLevel: .notice)
        let stop = StopSignal()
        stop.trapTerminationSignals()
        var configuration = EmbeddedConfiguration()
        configuration.workerThreads = workers
        configuration.outputDirectory = out
        configuration.maxBytes = maxBytes
        configuration.fsync = fsync.rawValue
        configuration.onDuplicate = onDuplicate
        configuration.progress = .forStandardError()
        let sources = inputs.isEmpty ? [try Self.bundledExamples()] : inputs
        let extractor = try StandardModels.standardExtractor()
        let report = try EmbeddedPipeline(configuration: configuration, logger: logger, extractor: extractor)
            .run(inputs: sources, stop: stop)
        let rate = report.seconds > 0 ? Double(report.feed.accepted) / report.seconds : 0
        let sink = report.sink
        let updated = sink.updated > 0 ? ", \(sink.updated) updated" : ""
        print(
            "read \(report.feed.accepted) documents: \(sink.new) new\(updated), \(sink.duplicates) duplicate, \(sink.errors) error in \(String(format: "%.2f", report.seconds)) s (\(Int(rate)) docs/s): \(out)/results.jsonl, \(out)/errors.jsonl"
        )
        if sink.duplicates > 0 {
            print(
                "\(sink.duplicates) ids were already in \(out) and were not written again (--on-duplicate supersede writes changed ones as new versions)"
            )
        }
        if !report.feed.complete { throw ExitCode(1) }
    }

    /// The examples folder of the checkout the binary was built from, else of the
    /// current directory: `swift run gleaner run` works from anywhere in the repo.
    static func bundledExamples() throws -> String {
        var candidates = ["examples"]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("examples").path)
            directory.deleteLastPathComponent()
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/README.md") {
            return candidate
        }
        throw ValidationError("no INPUT given and no examples/ folder found; pass files or directories to process")
    }
}
