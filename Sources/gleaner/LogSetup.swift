import ArgumentParser
import GleanerPipeline
import Logging

/// `--log-level` takes only swift-log's level names: anything else (`verbose`) is
/// refused by the parser with the list of valid values, never silently read as info.
extension Logger.Level: @retroactive ExpressibleByArgument {}

/// `--log-format`: `text` for people, `json` (one object per line) for log shippers.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The logging flags of every command that logs.
struct LogOptions: ParsableArguments {
    @Option(help: "Log level (default: info; notice for `gleaner run`).")
    var logLevel: Logger.Level?

    @Option(help: "Log format: text, or json (one object per line).")
    var logFormat: LogFormat = .text

    func makeLogger(_ label: String, defaultLevel: Logger.Level = .info) -> Logger {
        LogSetup.logger(label, level: logLevel ?? defaultLevel, format: logFormat)
    }
}

/// The process's one LoggingSystem bootstrap (swift-log allows exactly one).
enum LogSetup {
    static func logger(_ label: String, level: Logger.Level, format: LogFormat) -> Logger {
        LoggingSystem.bootstrap { label in
            switch format {
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            case .json:
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: label)
    }
}
