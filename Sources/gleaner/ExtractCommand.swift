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

    @Argument(help: "A JSON record file, a .txt or .html document, or - for stdin.")
    var input = "-"

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        modelOptions.use()
        let raw = try DocumentInput.read(input)
        if explainPage, case .success(let document) = RecordDecoder().decode(raw) {
            for line in HTMLPageReader().explain(document.content) { print(line) }
            return
        }
        let processor = DocumentProcessor(extractor: try StandardModels.standardExtractor(), maxBytes: maxBytes)
        let output = processor.process(raw)
        let value = (try? JSONParser.parse(output.line)) ?? .null
        print(String(decoding: JSONWriter.encode(value, pretty: true), as: UTF8.self))
        if output.outcome == .error { throw ExitCode(1) }
    }
}
