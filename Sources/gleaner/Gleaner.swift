import ArgumentParser
import GleanerCore

@main
struct Gleaner: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turns raw news documents into structured records (entities, quotes, dates).",
        discussion: """
            One process:  gleaner run [INPUT...]       (no INPUT: the bundled examples/)
            Distributed:  gleaner broker | gleaner worker | gleaner sink, then gleaner feed INPUT...
            One document: gleaner extract FILE
            """,
        version: GleanerVersion.current,
        subcommands: [
            RunCommand.self, ExtractCommand.self, BrokerCommand.self, WorkerCommand.self, SinkCommand.self,
            FeedCommand.self, KeysCommand.self, TrainCommand.self, BenchCommand.self, AnalyzeCommand.self, GazetteerIndexCommand.self,
            SinkBenchCommand.self,
        ]
    )
}
