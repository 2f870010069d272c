/// Feature hash → weight row, by open addressing. The keys are already uniformly
/// hashed, so they index the table directly; Swift's Dictionary would hash them again
/// with SipHash on every look-up, the tagger's hottest operation.
struct FeatureTable: Sendable {
    /// A key and its row side by side, so a look-up touches one cache line.
    private struct Slot {
        var key: UInt64
        var row: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        let size = Self.size(forCapacity: capacity)
        slots = [Slot](repeating: Slot(key: 0, row: -1), count: size)
        mask = size - 1
    }

    private static func size(forCapacity capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    /// The slot a key is first tried at in a table made for `capacity` keys. Keys inserted
    /// in this order fill the table front to back, one cache line after the next, instead
    /// of one random line per key: the model file stores its features so.
    static func homeSlot(of key: UInt64, capacity: Int) -> Int {
        let key = stored(key)
        return Int(truncatingIfNeeded: key ^ (key >> 29)) & (size(forCapacity: capacity) - 1)
    }

    /// 0 marks an empty slot, so a feature that hashes to 0 is stored as 1.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    func row(_ key: UInt64) -> Int32? {
        let key = Self.stored(key)
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found.key == key { return found.row }
                if found.key == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, row: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let key = Self.stored(key)
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
        if slots[slot].key == 0 { count += 1 }
        slots[slot] = Slot(key: key, row: row)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, row: -1), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for slot in old where slot.key != 0 { insert(slot.key, row: slot.row) }
    }

    /// Every (key, row) pair, in no particular order.
    var entries: [(key: UInt64, row: Int32)] {
        slots.compactMap { $0.key == 0 ? nil : ($0.key, $0.row) }
    }
}

/// Feature hash → its rows in two models, so a two-stage tagger looks each feature up
/// once for both stages (-1 where a model lacks the feature). Keys are stored as
/// `FeatureTable` stores them.
struct PairedFeatureTable: Sendable {
    private struct Slot {
        var key: UInt64
        var first: Int32
        var second: Int32
    }

    private var slots: [Slot]
    private let mask: Int

    init(_ first: FeatureTable, _ second: FeatureTable) {
        let firstEntries = first.entries
        let secondEntries = second.entries.filter { first.row($0.key) == nil }
        var size = 16
        while size < (firstEntries.count + secondEntries.count) * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, first: -1, second: -1), count: size)
        mask = size - 1
        for entry in firstEntries { insert(Slot(key: entry.key, first: entry.row, second: second.row(entry.key) ?? -1)) }
        for entry in secondEntries { insert(Slot(key: entry.key, first: -1, second: entry.row)) }
    }

    private mutating func insert(_ entry: Slot) {
        var slot = Int(truncatingIfNeeded: entry.key ^ (entry.key >> 29)) & mask
        while slots[slot].key != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    /// The feature's rows in the first and the second model.
    @inline(__always)
    func rows(_ key: UInt64) -> (first: Int32, second: Int32) {
        let key = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found.key == key { return (found.first, found.second) }
                if found.key == 0 { return (-1, -1) }
                slot = (slot + 1) & mask
            }
        }
    }
}
