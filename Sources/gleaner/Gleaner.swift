import ArgumentParser
import Foundation
import GleanerCore

@main
struct Gleaner: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turns raw news documents into structured records (entities, quotes, dates).",
        discussion: """
            One process:  gleaner run [INPUT...]       (no INPUT: the bundled examples/)
            Distributed:  gleaner broker | gleaner worker | gleaner sink, then gleaner feed INPUT...
            One document: gleaner extract FILE

            Every flag can also be set by a variable: GLEANER_ and the flag's name in capitals,
            dashes as underscores (--metrics-port 9200: GLEANER_METRICS_PORT=9200; a list flag
            takes commas, a switch 1/true or 0/false). The command line wins over the environment,
            the environment over the default.
            """,
        version: GleanerVersion.current,
        subcommands: [
            RunCommand.self, ExtractCommand.self, BrokerCommand.self, WorkerCommand.self, SinkCommand.self,
            FeedCommand.self, KeysCommand.self, TrainCommand.self, BenchCommand.self, AnalyzeCommand.self,
            GazetteerIndexCommand.self,
            SinkBenchCommand.self,
        ]
    )

    /// ArgumentParser's own main, with the `GLEANER_*` variables added to the command
    /// line first (EnvironmentArguments), and a note naming them when parsing fails.
    static func main() {
        let environment: EnvironmentArguments
        do {
            environment = try EnvironmentArguments(
                Array(CommandLine.arguments.dropFirst()), root: Gleaner.self, environment: ProcessInfo.processInfo.environment)
        } catch {
            exit(withError: ValidationError("\(error)"))
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(environment.arguments)
        } catch {
            if exitCode(for: error) != .success && !environment.supplied.isEmpty {
                let values = environment.supplied.map { "\($0.variable)=\($0.value)" }.joined(separator: " ")
                FileHandle.standardError.write(Data("note: flags also taken from the environment: \(values)\n".utf8))
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
