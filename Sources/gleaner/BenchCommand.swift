import ArgumentParser
import Foundation
import GleanerCore
import GleanerHTML
import GleanerPipeline
import GleanerResources

#if canImport(Glibc)
import Glibc
#endif

/// Throughput of the extraction core alone: no ZeroMQ, no files written, one thread
/// per `--threads`. Inputs are read into memory first, so only extraction is timed.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measures the extraction core's speed on JSON Lines records; prints one JSON line of figures.",
        discussion: "Records with `content`, or with `title` and `text` (the BBC News set's shape).")

    @Option(help: "Extraction threads.")
    var threads = 1

    @Option(help: "Use at most this many documents.")
    var limit: Int?

    @Option(help: "Passes over the documents (the figures are for all passes together).")
    var passes: Int = 1

    @Flag(help: "Time only the HTML page reader (main text and metadata), not the rest of the core.")
    var pageReaderOnly = false

    @Argument(help: "A JSON Lines file.")
    var input: String

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        modelOptions.use()
        let source = try InputSource([input])
        var documents: [InputDocument] = []
        while let raw = try source.next(), documents.count < (limit ?? .max) {
            guard let value = try? JSONParser.parse(raw), case .object = value else { continue }
            if let content = value["content"]?.stringValue {
                let contentType =
                    value["contentType"]?.stringValue.flatMap(InputDocument.ContentType.init(rawValue:)) ?? .plainText
                documents.append(
                    InputDocument(
                        id: value["id"]?.stringValue, content: content, contentType: contentType,
                        publishedAt: value["publishedAt"]?.stringValue, url: value["url"]?.stringValue))
            } else if let text = value["text"]?.stringValue {
                let title = value["title"]?.stringValue.map { $0 + "\n" } ?? ""
                documents.append(InputDocument(id: value["id"]?.stringValue, content: title + text, contentType: .plainText))
            }
        }
        let words = documents.reduce(0) { total, document in
            total + document.content.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
        }
        let loadStart = Date()
        let extractor: any Extractor =
            pageReaderOnly
            ? BaselineExtractor(pageReader: try StandardModels.pageReader()) : try StandardModels.standardExtractor()
        _ = try extractor.extract(InputDocument(content: "Warm-up: Sergey Ryabkov said so in Moscow."))
        let loadSeconds = Date().timeIntervalSince(loadStart)

        let next = NextIndex()
        let passes = self.passes
        let total = documents.count * passes
        let started = Date()
        let done = DispatchGroup()
        for _ in 0..<max(1, threads) {
            done.enter()
            let thread = Thread { [documents] in
                while let index = next.take(below: total) {
                    _ = try? extractor.extract(documents[index % documents.count])
                }
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        done.wait()
        let seconds = Date().timeIntervalSince(started)
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let figures: [(String, String)] = [
            ("documents", String(total)), ("words", String(words * passes)), ("threads", String(threads)),
            ("seconds", String(format: "%.3f", seconds)),
            ("words_per_second", String(format: "%.0f", Double(words * passes) / seconds)),
            ("docs_per_second", String(format: "%.1f", Double(total) / seconds)),
            (
                "input_megabytes",
                String(format: "%.1f", Double(documents.reduce(0) { $0 + $1.content.utf8.count } * passes) / 1e6)
            ),
            ("model_load_seconds", String(format: "%.3f", loadSeconds)),
            ("peak_rss_mb", String(format: "%.1f", Double(usage.ru_maxrss) / 1024)),
        ]
        print("{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }
}

/// Hands out document indices to the benchmark threads.
final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
