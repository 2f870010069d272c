import ArgumentParser
import Foundation
import GleanerCore

/// Builds the pre-built gazetteer index from the TSV; scripts/build-gazetteer runs it
/// after writing the TSV, so the two bundled files always agree.
struct GazetteerIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer-index",
        abstract: "Writes the gazetteer index that processes load at start (deterministic: same TSV, same bytes).",
        discussion: """
            gleaner gazetteer-index --tsv Sources/GleanerResources/Resources/gazetteer.tsv \\
              --out Sources/GleanerResources/Resources/gazetteer.idx
            """)

    @Option(help: "The gazetteer TSV (scripts/build-gazetteer's output).")
    var tsv: String

    @Option(help: "Where to write the index.")
    var out: String

    func run() throws {
        let bytes = Gazetteer.index(tsv: try String(contentsOfFile: tsv, encoding: .utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: out))
    }
}
