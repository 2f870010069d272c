import ArgumentParser
import GleanerCore
import GleanerHTML
import GleanerPipeline
import GleanerResources

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extracts one document (a JSON record, a .txt or .html file, or stdin) to pretty JSON; no ZeroMQ.")

    @Option(help: "Inputs over this many bytes are refused with a `too_large` error record.")
    var maxBytes = RecordDecoder.defaultMaxBytes

    @Flag(
        help:
            "Print how the page reader read an HTML input instead of extracting: the containers it took for the article, then every paragraph in them with its features, the block model's score and why it stayed or went."
    )
    var explainPage = false

    @Flag(
        help:
            "Print, for each quote, the layout that found it and the rule or ranker scores that chose its speaker, instead of the record."
    )
    var explain = false

    @Flag(help: "With --explain-page: one JSON object per paragraph (what scripts/train-page-blocks reads).")
    var json = false

    @Argument(help: "A JSON record file, a .txt or .html document, or - for stdin.")
    var input = "-"

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        modelOptions.use()
        let raw = try DocumentInput.read(input)
        if explainPage, case .success(let document) = RecordDecoder().decode(raw) {
            let explanation = HTMLPageReader(blockModel: try StandardModels.pageBlockModel()).explain(document.content)
            for line in json ? explanation.jsonLines() : explanation.lines() { print(line) }
            return
        }
        if explain {
            try printExplanations(raw)
            return
        }
        let processor = DocumentProcessor(extractor: try StandardModels.standardExtractor(), maxBytes: maxBytes)
        let output = processor.process(raw)
        let value = (try? JSONParser.parse(output.line)) ?? .null
        print(String(decoding: JSONWriter.encode(value, pretty: true), as: UTF8.self))
        if output.outcome == .error { throw ExitCode(1) }
    }

    /// `--explain`: one block of lines per quote, in the record's order.
    private func printExplanations(_ raw: [UInt8]) throws {
        switch RecordDecoder(maxBytes: maxBytes).decode(raw) {
        case .failure(let failure):
            print("error \(failure.code.rawValue): \(failure.message)")
            throw ExitCode(1)
        case .success(let document):
            let (result, explanations) = try StandardModels.standardExtractor().explained(document)
            if explanations.isEmpty { print("no quotes (language: \(result.language))") }
            for (index, (quote, explanation)) in zip(result.quotes, explanations).enumerated() {
                for line in explanation.lines(for: quote, number: index + 1) { print(line) }
            }
        }
    }
}
