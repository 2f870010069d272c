import ZeroMQ

/// Gleaner's messages between its processes (docs/protocol.md). Every message starts
/// with the protocol version frame, so a mismatched peer is told apart from garbage.
public enum Wire {
    public static let version: Frame = Array("GLN1".utf8)

    /// Message types, one frame after the version.
    public enum Kind: String, Sendable {
        // feeder -> broker (acknowledged ingest)
        case hello = "HELLO", doc = "DOC"
        // broker -> feeder
        case welcome = "WELCOME", accepted = "ACCEPTED"
        // worker -> broker
        case ready = "READY", ping = "PING", done = "DONE", giveBack = "RETURN", drain = "DRAIN", bye = "BYE"
        // broker -> worker
        case task = "TASK", pong = "PONG"
        // worker -> sink
        case put = "PUT"
        // sink -> worker
        case ack = "ACK"
    }

    public static func message(_ kind: Kind, _ fields: [Frame] = []) -> [Frame] {
        [version, Array(kind.rawValue.utf8)] + fields
    }

    /// A message as read from a DEALER (no envelope) or, after its identity frame, a ROUTER.
    public struct Parsed {
        public let kind: Kind
        public let fields: ArraySlice<Frame>

        public init?(_ frames: ArraySlice<Frame>) {
            guard frames.count >= 2, frames[frames.startIndex] == Wire.version,
                let kind = Kind(rawValue: String(decoding: frames[frames.startIndex + 1], as: UTF8.self))
            else { return nil }
            self.kind = kind
            self.fields = frames.dropFirst(2)
        }

        public func string(_ position: Int) -> String? {
            let index = fields.startIndex + position
            guard index < fields.endIndex else { return nil }
            return String(decoding: fields[index], as: UTF8.self)
        }

        public func int(_ position: Int) -> Int? {
            string(position).flatMap { Int($0) }
        }

        public func frame(_ position: Int) -> Frame? {
            let index = fields.startIndex + position
            return index < fields.endIndex ? fields[index] : nil
        }
    }

    public static func text(_ string: String) -> Frame { Array(string.utf8) }
    public static func number(_ value: some BinaryInteger) -> Frame { Array(String(value).utf8) }
}

/// Names a broker's dispatch of one journaled document: the journal's id and the
/// document's sequence number in it. A DONE carrying it stays meaningful across broker
/// restarts, and one from another journal can never complete the wrong document.
public struct LeaseToken: Hashable, Sendable, CustomStringConvertible {
    public let journal: String
    public let sequence: UInt64

    public init(journal: String, sequence: UInt64) {
        self.journal = journal
        self.sequence = sequence
    }

    public init?(_ frame: Frame) {
        let text = String(decoding: frame, as: UTF8.self)
        guard let dot = text.lastIndex(of: "."), let sequence = UInt64(text[text.index(after: dot)...]) else {
            return nil
        }
        self.journal = String(text[..<dot])
        self.sequence = sequence
    }

    public var frame: Frame { Array(description.utf8) }
    public var description: String { "\(journal).\(sequence)" }
}

/// Socket settings shared by every connecting peer (see docs/protocol.md, "Sockets").
enum SocketDefaults {
    static let heartbeatMilliseconds: Int32 = 1000

    /// A connecting DEALER: queue only to completed connections (so a send to a dead
    /// peer fails instead of vanishing), detect dead TCP links, back off reconnects.
    static func configureConnecting(_ socket: Socket, identity: String, security: ClientSecurity) throws {
        try security.apply(to: socket)
        try socket.setRoutingID(Array(identity.utf8))
        try socket.set(.immediate(true))
        try socket.set(.heartbeatInterval(milliseconds: heartbeatMilliseconds))
        try socket.set(.heartbeatTimeout(milliseconds: heartbeatMilliseconds * 3))
        try socket.set(.reconnectIntervalMax(milliseconds: 2000))
    }

    /// A binding ROUTER: report unroutable peers instead of dropping silently.
    static func configureBinding(_ socket: Socket, security: ServerSecurity) throws {
        try security.apply(to: socket)
        try socket.set(.routerMandatory(true))
        try socket.set(.heartbeatInterval(milliseconds: heartbeatMilliseconds))
        try socket.set(.heartbeatTimeout(milliseconds: heartbeatMilliseconds * 3))
    }

    /// A random identity for this process's sockets: a restarted process is a new peer.
    static func uniqueIdentity(_ role: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return "\(role)-\(String(generator.next() as UInt64, radix: 36))"
    }
}
