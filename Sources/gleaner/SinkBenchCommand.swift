import ArgumentParser
import Foundation
import GleanerCore
import GleanerPipeline
import ZeroMQ

/// The sink's speed alone: plays a worker that has already extracted everything, and
/// sends a running `gleaner sink` one PUT per record (id, text and content signature,
/// nothing else), timing from the first PUT to the last ACK. Used by scripts/bench-dedup.
struct SinkBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-sink",
        abstract: "Sends JSON Lines records to a running sink as a worker would; prints one JSON line of figures.",
        discussion: "Records with `content`, or with `title` and `text`. The signature is computed before timing starts.")

    @Option(help: "The sink's worker endpoint.")
    var sink = DefaultEndpoints.sinkForWorkers

    @Option(help: "Send every record this many times, copy k with id `<id>#k` (k > 0): more records to time.")
    var copies = 1

    @Option(help: "PUTs awaiting their ACK at most.")
    var window = 4096

    @Argument(help: "A JSON Lines file.")
    var input: String

    func run() throws {
        let signatureStart = Date()
        let lines = try resultLines()
        let signatureSeconds = Date().timeIntervalSince(signatureStart)
        let total = lines.count * max(1, copies)
        let context = try Context()
        let socket = try Socket(context, .dealer, linger: 0)
        try socket.setRoutingID(Array("bench-sink-\(ProcessInfo.processInfo.processIdentifier)".utf8))
        try socket.connect(sink)
        var poller = Poller()
        poller.add(socket)
        var sent = 0
        var acknowledged = 0
        let started = Date()
        while acknowledged < total {
            while sent < total && sent - acknowledged < window {
                let (id, rest) = lines[sent % lines.count]
                let copy = sent / lines.count
                let copyID = copy == 0 ? id : "\(id)#\(copy)"
                let frames = Wire.message(
                    .put, [Wire.number(sent), Array(copyID.utf8), Array("result".utf8), Self.line(id: copyID, rest: rest)])
                guard try socket.send(frames, dontWait: true) else { break }
                sent += 1
            }
            guard try poller.poll(timeoutMilliseconds: 10_000)[0] else { throw ValidationError("no ACK from \(sink) for 10 s") }
            while let frames = try socket.receive(dontWait: true) {
                if let message = Wire.Parsed(frames[...]), message.kind == .ack { acknowledged += message.fields.count }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        socket.close()
        context.terminate()
        let figures: [(String, String)] = [
            ("records", String(total)), ("seconds", String(format: "%.3f", seconds)),
            ("records_per_second", String(format: "%.0f", Double(total) / seconds)),
            ("signatures_per_second", String(format: "%.0f", Double(lines.count) / signatureSeconds)),
        ]
        print("{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }

    /// `{"id","text","contentSignature"}` per input record, as the core would write them,
    /// kept as the id and the bytes after it so copies under other ids cost no encoding.
    private func resultLines() throws -> [(String, [UInt8])] {
        let source = try InputSource([input])
        var lines: [(String, [UInt8])] = []
        while let raw = try source.next() {
            guard let value = try? JSONParser.parse(raw), let id = value["id"]?.stringValue else { continue }
            let text =
                value["content"]?.stringValue ?? ((value["title"]?.stringValue).map { $0 + "\n\n" } ?? "")
                + (value["text"]?.stringValue ?? "")
            let record = JSONValue.object([
                JSONMember("id", .string(id)), JSONMember("text", .string(text)),
                JSONMember("contentSignature", ContentSignature(text: text).map { .string($0.hex) } ?? .null),
            ])
            let line = JSONWriter.encode(record)
            lines.append((id, Array(line[Self.line(id: id, rest: []).count...])))
        }
        return lines
    }

    private static func line(id: String, rest: [UInt8]) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: rest.count + 64)
        writer.write(.object([JSONMember("id", .string(id))]))
        return writer.bytes.dropLast() + [UInt8(ascii: ",")] + rest
    }
}
