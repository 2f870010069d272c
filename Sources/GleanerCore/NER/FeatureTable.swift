/// Feature hash → weight row, by open addressing. The keys are already uniformly
/// hashed, so they index the table directly; Swift's Dictionary would hash them again
/// with SipHash on every look-up, the tagger's hottest operation.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        rows = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// 0 marks an empty slot, so a feature that hashes to 0 is stored as 1.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    func row(_ key: UInt64) -> Int32? {
        let key = Self.stored(key)
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let found = keys[slot]
            if found == key { return rows[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, row: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.stored(key)
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        rows[slot] = row
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldRows = rows
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        rows = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (slot, key) in oldKeys.enumerated() where key != 0 { insert(key, row: oldRows[slot]) }
    }

    /// Every (key, row) pair, in no particular order.
    var entries: [(key: UInt64, row: Int32)] {
        keys.indices.compactMap { keys[$0] == 0 ? nil : (keys[$0], rows[$0]) }
    }
}
