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

    @Flag(help: .hidden)
    var explainPage = false

    @Flag(help: "Print, for each quote, the layout that found it and the rule or ranker scores that chose its speaker, instead of the record.")
    var explain = false

    @Argument(help: "A JSON record file, a .txt or .html document, or - for stdin.")
    var input = "-"

    func run() throws {
        let raw = try DocumentInput.read(input)
        if explainPage, case .success(let document) = RecordDecoder().decode(raw) {
            for line in HTMLPageReader().explain(document.content) { print(line) }
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
