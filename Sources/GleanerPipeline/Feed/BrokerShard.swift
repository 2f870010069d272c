import GleanerCore

/// Which of N brokers a document belongs to: FNV-1a 64-bit over the UTF-8 bytes of
/// the document's id, modulo N, in the order the brokers were given. The id is the
/// one the pipeline gives the record (CONTRACT.md): its `id` string; with no `id`, the
/// hex SHA-256 of `content`; for anything else, the hex SHA-256 of the bytes sent.
/// Stable across processes and languages (clients/python's routing.py is the same
/// rule), so a document re-sent after a restart goes to the broker that may already
/// hold it.
public enum BrokerShard {
    public static func index(of payload: [UInt8], brokers: Int) -> Int {
        guard brokers > 1 else { return 0 }
        return Int(fnv1a64(Array(documentID(of: payload).utf8)) % UInt64(brokers))
    }

    static func documentID(of payload: [UInt8]) -> String {
        guard let value = try? JSONParser.parse(payload), case .object = value else { return SHA256.hex(payload) }
        switch (value["id"], value["content"]) {
        case (.string(let id)?, _): return id
        case (nil, .string(let content)?), (.null?, .string(let content)?): return SHA256.hex(content.utf8)
        default: return SHA256.hex(payload)
        }
    }

    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
