import Foundation
import GleanerCore
import Logging
import Testing

@testable import GleanerPipeline

@Suite struct EmbeddedPipelineTests {
    @Test func everyInputGoodOrGarbageEndsUpExactlyOnce() throws {
        let directory = try TemporaryDirectory()
        var lines: [[UInt8]] = []
        for index in 0..<300 {
            lines.append(
                Array(
                    #"{"id":"good-\#(index)","content":"Headline \#(index)\n\nThe council said on Friday it would vote.","publishedAt":"2024-05-03"}"#
                        .utf8))
        }
        lines.append([0x7B, 0xC3, 0x28, 0x7D])  // invalid UTF-8
        lines.append(Array(#"{"content": "truncated"#.utf8))
        lines.append(Array(#"{"id":"no-content"}"#.utf8))
        lines.append(Array(#"{"id":"numeric","content":7}"#.utf8))
        lines.append(Array(#"{"id":"empty","content":""}"#.utf8))
        lines.append(
            Array(#"{"id":"huge","content":""#.utf8) + Array(repeating: UInt8(ascii: "w"), count: 300_000) + Array(#""}"#.utf8))
        lines.append(Array(#"{"id":"good-0","content":"a redelivered duplicate id"}"#.utf8))
        try directory.write("input.jsonl", Array(lines.joined(separator: [0x0A])) + [0x0A])

        var configuration = EmbeddedConfiguration()
        configuration.outputDirectory = directory.path + "/out"
        configuration.workerThreads = 2
        configuration.maxBytes = 100_000
        let report = try EmbeddedPipeline(configuration: configuration, logger: Logger(label: "test"))
            .run(inputs: [directory.path + "/input.jsonl"], stop: StopSignal())
        #expect(report.feed.complete)
        #expect(report.feed.accepted == lines.count)

        let results = try records(directory, "out/results.jsonl")
        let errors = try records(directory, "out/errors.jsonl")
        let resultIDs = results.compactMap { $0["id"]?.stringValue }
        #expect(Set(resultIDs) == Set((0..<300).map { "good-\($0)" }))
        #expect(resultIDs.count == 300, "no id twice")
        let codes = Dictionary(uniqueKeysWithValues: errors.map { ($0["id"]!.stringValue!, $0["error"]!["code"]!.stringValue!) })
        #expect(codes["no-content"] == "missing_content")
        #expect(codes["numeric"] == "content_not_string")
        #expect(codes["empty"] == "empty_content")
        #expect(codes["huge"] == "too_large")
        #expect(codes.values.filter { $0 == "invalid_utf8" }.count == 1)
        #expect(codes.values.filter { $0 == "invalid_json" }.count == 1)
        #expect(errors.count == 6)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/.journal"), "a finished run cleans its journal")
    }

    @Test func aRunOverADirectoryWrapsTextAndHTMLFiles() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/docs/nested", withIntermediateDirectories: true)
        try directory.write("docs/a.txt", Array("Plain headline\n\nBody.".utf8))
        try directory.write(
            "docs/nested/b.html", Array("<html><head><title>Page title</title></head><body><p>Para.</p></body></html>".utf8))
        try directory.write("docs/ignored.bin", [0, 1, 2])
        var configuration = EmbeddedConfiguration()
        configuration.outputDirectory = directory.path + "/out"
        let report = try EmbeddedPipeline(configuration: configuration, logger: Logger(label: "test"))
            .run(inputs: [directory.path + "/docs"], stop: StopSignal())
        #expect(report.feed.accepted == 2)
        let titles = Set(try records(directory, "out/results.jsonl").compactMap { $0["title"]?.stringValue })
        #expect(titles == ["Plain headline", "Page title"])
    }

    private func records(_ directory: borrowing TemporaryDirectory, _ name: String) throws -> [JSONValue] {
        let bytes = try directory.read(name)
        #expect(bytes.isEmpty || bytes.last == 0x0A, "no torn last line")
        return try bytes.split(separator: 0x0A).map { try JSONParser.parse(Array($0)) }
    }
}
