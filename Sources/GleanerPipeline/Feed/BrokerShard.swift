import GleanerCore

/// Which of N brokers a document belongs to: FNV-1a 64-bit over the UTF-8 bytes of
/// the record's `id` (a non-empty JSON string), else over the raw record bytes, modulo
/// N. Stable across processes and languages (clients/python computes the same), so a
/// document resent after a restart goes to the broker that may already hold it.
public enum BrokerShard {
    public static func index(of payload: [UInt8], brokers: Int) -> Int {
        guard brokers > 1 else { return 0 }
        return Int(fnv1a64(key(of: payload)) % UInt64(brokers))
    }

    static func key(of payload: [UInt8]) -> [UInt8] {
        if let value = try? JSONParser.parse(payload), case .string(let id)? = value["id"], !id.isEmpty {
            return Array(id.utf8)
        }
        return payload
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
