#if canImport(Glibc)
import Glibc
#endif

/// An open-addressing hash table that lives in a memory-mapped file: the sink's indexes
/// (ids written, near-duplicate bands) grow on disk while the process holds none of
/// them on its heap; the kernel keeps the hot pages cached and evicts the rest.
///
/// A slot is four 64-bit words: a 128-bit key (never all zero: zero marks an empty
/// slot) and a 128-bit value. Linear probing, doubled into a new file at half full.
/// Writes reach the page cache at once, so they survive the process being killed;
/// `sync()` makes them survive a power cut too.
final class MappedTable {
    struct Value: Equatable {
        var first: UInt64
        var second: UInt64
    }

    private static let magic: UInt64 = 0x3130_5842_444E_4C47  // "GLNDBX01"
    private static let headerWords = 8
    private static let slotWords = 4

    let path: String
    private var descriptor: Int32
    private var words: UnsafeMutablePointer<UInt64>
    private var mappedBytes: Int
    private(set) var capacity: Int

    /// True when the table was created empty (no file, or one without a valid header):
    /// whatever it was meant to index must be indexed again.
    let isNew: Bool

    init(path: String, initialCapacity: Int = 1 << 15) throws {
        self.path = path
        _ = unlink(path + ".grow")  // a doubling that a crash interrupted; the old table is whole
        if FileDescriptor.exists(path) {
            let (file, address, bytes) = try Self.map(path, bytes: nil)
            let storedCapacity = Int(address[1])
            if address[0] == Self.magic && storedCapacity > 0 && Self.bytes(storedCapacity) == bytes {
                (descriptor, words, mappedBytes, capacity, isNew) = (file, address, bytes, storedCapacity, false)
                return
            }
            munmap(address, bytes)
            _ = close(file)
            _ = unlink(path)
        }
        let (file, address, bytes) = try Self.map(path, bytes: Self.bytes(initialCapacity))
        (descriptor, words, mappedBytes, capacity, isNew) = (file, address, bytes, initialCapacity, true)
        address[0] = Self.magic
        address[1] = UInt64(initialCapacity)
        address[2] = 0
        address[3] = 0
    }

    deinit {
        munmap(words, mappedBytes)
        _ = close(descriptor)
    }

    var count: Int { Int(words[2]) }

    func find(_ key0: UInt64, _ key1: UInt64) -> Value? {
        let slot = probe(key0, key1)
        guard words[slot] != 0 || words[slot + 1] != 0 else { return nil }
        return Value(first: words[slot + 2], second: words[slot + 3])
    }

    /// A number the table's owner keeps in the header, durable with the table.
    var counter: UInt64 {
        get { words[3] }
        set { words[3] = newValue }
    }

    /// Sets the value of a key, adding the key if it is new. Returns whether it was new.
    @discardableResult
    func store(_ key0: UInt64, _ key1: UInt64, _ value: Value) throws -> Bool {
        var inserted = false
        var slot = probe(key0, key1)
        if words[slot] == 0 && words[slot + 1] == 0 {
            if (count + 1) * 2 > capacity {
                try grow()
                slot = probe(key0, key1)
            }
            words[slot] = key0
            words[slot + 1] = key1
            words[2] += 1
            inserted = true
        }
        words[slot + 2] = value.first
        words[slot + 3] = value.second
        return inserted
    }

    /// Flushes dirty pages to the disk (not only the page cache).
    func sync() throws {
        guard msync(words, mappedBytes, MS_SYNC) == 0 else {
            throw FileDescriptor.Failure(operation: "msync", path: path, code: errno)
        }
    }

    private func probe(_ key0: UInt64, _ key1: UInt64) -> Int {
        precondition(key0 != 0 || key1 != 0, "a zero key marks an empty slot")
        let mask = capacity - 1
        var index = Self.home(key0, key1) & mask
        while true {
            let slot = Self.headerWords + index * Self.slotWords
            if (words[slot] == key0 && words[slot + 1] == key1) || (words[slot] == 0 && words[slot + 1] == 0) {
                return slot
            }
            index = (index + 1) & mask
        }
    }

    /// Rehashes into a twice-as-large file beside this one, then renames it over this one:
    /// a crash at any point leaves one whole table.
    private func grow() throws {
        let newCapacity = capacity * 2
        let growPath = path + ".grow"
        _ = unlink(growPath)
        let (newDescriptor, newWords, newBytes) = try Self.map(growPath, bytes: Self.bytes(newCapacity))
        newWords[0] = Self.magic
        newWords[1] = UInt64(newCapacity)
        newWords[2] = words[2]
        newWords[3] = words[3]
        for index in 0..<capacity {
            let slot = Self.headerWords + index * Self.slotWords
            guard words[slot] != 0 || words[slot + 1] != 0 else { continue }
            var target = Self.home(words[slot], words[slot + 1]) & (newCapacity - 1)
            while newWords[Self.headerWords + target * Self.slotWords] != 0
                || newWords[Self.headerWords + target * Self.slotWords + 1] != 0
            {
                target = (target + 1) & (newCapacity - 1)
            }
            (newWords + Self.headerWords + target * Self.slotWords).update(from: words + slot, count: Self.slotWords)
        }
        guard msync(newWords, newBytes, MS_SYNC) == 0 else {
            throw FileDescriptor.Failure(operation: "msync", path: growPath, code: errno)
        }
        try FileDescriptor.rename(growPath, to: path)
        munmap(words, mappedBytes)
        _ = close(descriptor)
        (descriptor, words, mappedBytes, capacity) = (newDescriptor, newWords, newBytes, newCapacity)
    }

    /// A key's first slot. Not its low bits: callers set bit 0 to keep keys non-zero.
    @inline(__always)
    private static func home(_ key0: UInt64, _ key1: UInt64) -> Int {
        Int(truncatingIfNeeded: (key0 >> 1) ^ key1)
    }

    private static func bytes(_ capacity: Int) -> Int { (headerWords + capacity * slotWords) * 8 }

    /// Maps a table file, creating it at `bytes` (sparse: untouched slots take no disk) when given.
    private static func map(_ path: String, bytes: Int?) throws -> (Int32, UnsafeMutablePointer<UInt64>, Int) {
        let file = try FileDescriptor.open(path)
        if let bytes {
            try file.truncate(to: bytes)
            // Blocks reserved now, not one page fault at a time while the sink writes.
            _ = posix_fallocate(file.raw, 0, off_t(bytes))
        }
        let size = try file.size
        guard size >= Self.bytes(1) else {
            file.close()
            throw FileDescriptor.Failure(operation: "map (file too short)", path: path, code: EINVAL)
        }
        guard let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, file.raw, 0),
            address != UnsafeMutableRawPointer(bitPattern: -1)
        else {
            let code = errno
            file.close()
            throw FileDescriptor.Failure(operation: "mmap", path: path, code: code)
        }
        return (file.raw, address.bindMemory(to: UInt64.self, capacity: size / 8), size)
    }
}
