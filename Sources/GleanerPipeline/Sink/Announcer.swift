import GleanerCore
import ZeroMQ

/// The sink's live feed (PUB): one message per record once it is durable, for
/// dashboards. `ids` sends `{"id","file","status"}` (status `new`, `updated` or
/// `error`; file is the name the record has once its file is closed) and, in rotation,
/// `{"file","status":"closed","records"}` when a file is complete; `records` sends each
/// record line itself. PUB never blocks the sink: a subscriber that falls behind its
/// high-water mark loses messages, never the files.
final class Announcer {
    enum Mode: String, Sendable, CaseIterable {
        case ids, records
    }

    private let socket: Socket
    private let mode: Mode

    init(context: Context, bind: String, mode: Mode, security: ServerSecurity) throws {
        socket = try Socket(context, .pub, linger: 0)
        try security.apply(to: socket)
        try socket.bind(bind)
        self.mode = mode
    }

    deinit { socket.close() }

    var endpoint: String { socket.lastEndpoint }

    func durable(_ record: ResultLog.Staged, line: ArraySlice<UInt8>, file: String) throws {
        switch mode {
        case .records:
            _ = try socket.send([Array(line)], dontWait: true)
        case .ids:
            let message = JSONValue.object([
                JSONMember("id", .string(record.id)), JSONMember("file", .string(file)),
                JSONMember("status", .string(record.status.rawValue)),
                JSONMember("version", .number(String(record.entry.version))),
            ])
            _ = try socket.send([JSONWriter.encode(message)], dontWait: true)
        }
    }

    func closed(_ file: String, records: Int) throws {
        guard mode == .ids else { return }
        let message = JSONValue.object([
            JSONMember("file", .string(file)), JSONMember("status", .string("closed")),
            JSONMember("records", .number(String(records))),
        ])
        _ = try socket.send([JSONWriter.encode(message)], dontWait: true)
    }
}
