import Foundation
import GleanerCore
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// `--log-format json`: one JSON object per line on standard error, so a log shipper
/// (journald's JSON mode, Fluent Bit, Loki) reads fields instead of parsing text.
/// Keys: `time` (RFC 3339, UTC, milliseconds), `level`, `logger`, `message`, then the
/// metadata as string members (a metadata key that clashes with those four is
/// prefixed with `meta.` rather than dropped).
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        var line = JSONWriter.encode(Self.record(event: event, label: label, metadata: merged))
        line.append(0x0A)
        Self.write(line)
    }

    static func record(event: LogEvent, label: String, metadata: Logger.Metadata) -> JSONValue {
        let fixed = ["time", "level", "logger", "message"]
        var members = [
            JSONMember("time", .string(Self.timestamp())), JSONMember("level", .string(event.level.rawValue)),
            JSONMember("logger", .string(label)), JSONMember("message", .string(event.message.description)),
        ]
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            members.append(JSONMember(fixed.contains(key) ? "meta.\(key)" : key, .string(value.description)))
        }
        if let error = event.error { members.append(JSONMember("error", .string("\(error)"))) }
        return .object(members)
    }

    private static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// One write(2) per line: lines from several threads never interleave on a pipe
    /// (atomic up to PIPE_BUF) or an O_APPEND file.
    private static func write(_ line: [UInt8]) {
        line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
