import ArgumentParser
import GleanerCore
import GleanerPipeline

/// A developer's window into the core's first stage: how a text is tokenised and split.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Prints each document's sentences as token lists with code-point offsets (JSON Lines), for debugging.")

    @Argument(help: "A JSON Lines file of input records, or - for stdin.")
    var input = "-"

    func run() throws {
        let source = try InputSource([input])
        let decoder = RecordDecoder()
        while let raw = try source.next() {
            guard case .success(let document) = decoder.decode(raw) else { continue }
            let analysis = DocumentAnalysis(text: document.content)
            let sentences = JSONValue.array(
                analysis.sentences.map { sentence in
                    .array(
                        analysis.tokens[sentence.tokens].map { token in
                            .array([.string(token.text), .number(String(token.start)), .number(String(token.end))])
                        })
                })
            let record = JSONValue.object([JSONMember("id", .string(document.id)), JSONMember("sentences", sentences)])
            print(String(decoding: JSONWriter.encode(record), as: UTF8.self))
        }
    }
}
