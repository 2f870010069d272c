/// The pre-built gazetteer: `GazetteerTable` written out as one byte array that a
/// process loads with a single copy and reads in place, so start-up neither
/// tokenizes phrases nor builds dictionaries of strings; an entry is decoded only
/// when a look-up finds it.
///
/// Layout (integers little-endian; a string is a `UInt32` offset of a `UInt16`
/// byte count followed by UTF-8, `noString` for nil):
///
///     header   magic "GLGAZIX1", then UInt32 each: maxPhraseTokens, slotCount
///              (a power of two), slotsOffset, countryNamesOffset,
///              demonymAdjectiveOffset, byte count of the whole index
///     slots    slotCount × 16 bytes, open addressing with linear probing on
///              `hash(key)`: UInt32 high half of the hash, UInt32 key string,
///              UInt32 entry offset, UInt8 flags (0: empty slot), 3 zero bytes
///     pairs    (country names, demonym adjectives) UInt32 count, then
///              count × (key string, value string), sorted by key
///     entries  UInt8 kinds, UInt8 parts (1: demonym country, 2: organization),
///              UInt16 place count; demonym country string; organization's
///              acronym, name and country strings; UInt32 offset of each place
///     places   each distinct place once, `placeSize` bytes: name, country and
///              admin1 strings, UInt8 kind, UInt8 (1: latitude, 2: longitude),
///              2 zero bytes, Float64 bits of latitude and longitude, Int64
///              population
///     strings  each distinct string once
///
/// (Entries, places and strings are interleaved, each written before the first
/// record that refers to it.)
///
/// Keys are the NFC form of `Gazetteer.key`, so that look-ups agree with Swift's
/// `String` equality (canonical equivalence), which the TSV-built dictionaries used.
struct GazetteerIndex: Sendable {
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// What a phrase key is: a whole phrase, the first token of one, or a phrase
    /// that begins a longer one (the matcher's reasons to keep looking).
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let entry = Flags(rawValue: 1)
        static let firstToken = Flags(rawValue: 2)
        static let prefix = Flags(rawValue: 4)
    }

    struct Slot {
        let flags: Flags
        let entryOffset: Int
    }

    static let magic = Array("GLGAZIX1".utf8)
    static let headerSize = 32
    static let slotSize = 16
    static let placeSize = 40
    static let noString = UInt32.max
    /// The header's UInt32 fields after the magic, in order.
    static let maxPhraseTokensField = 0, slotCountField = 1, slotsOffsetField = 2
    static let countryNamesField = 3, demonymAdjectiveField = 4, byteCountField = 5

    let bytes: [UInt8]
    let maxPhraseTokens: Int
    private let slotMask: Int
    private let slotsOffset: Int

    /// Checks the header and the bounds of the slot table; entries are checked as
    /// they are read (the test suite reads every one of the bundled file).
    init(bytes: [UInt8]) throws {
        guard bytes.count >= Self.headerSize, bytes.starts(with: Self.magic) else {
            throw FormatError(description: "not a gazetteer index (bad magic)")
        }
        self.bytes = bytes
        func header(_ field: Int) -> Int {
            Int(
                bytes.withUnsafeBytes {
                    $0.loadUnaligned(fromByteOffset: Self.magic.count + 4 * field, as: UInt32.self).littleEndian
                })
        }
        let slotCount = header(Self.slotCountField)
        maxPhraseTokens = header(Self.maxPhraseTokensField)
        slotsOffset = header(Self.slotsOffsetField)
        slotMask = slotCount - 1
        guard header(Self.byteCountField) == bytes.count, slotCount > 0, slotCount & slotMask == 0,
            slotsOffset >= Self.headerSize, slotsOffset + slotCount * Self.slotSize <= bytes.count,
            header(Self.countryNamesField) + 4 <= bytes.count, header(Self.demonymAdjectiveField) + 4 <= bytes.count
        else { throw FormatError(description: "gazetteer index is truncated or its header is inconsistent") }
    }

    /// FNV-1a over UTF-8 bytes: stable across processes and platforms, unlike
    /// `Hasher`, so the writer can lay out the table once for every reader.
    static func hash<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    // MARK: Reading

    private func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        precondition(offset >= 0 && offset + MemoryLayout<T>.size <= bytes.count, "gazetteer index read out of bounds")
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }

    private func string(at reference: UInt32) -> String? {
        guard reference != Self.noString else { return nil }
        let offset = Int(reference)
        let count = Int(load(offset, as: UInt16.self))
        precondition(offset + 2 + count <= bytes.count, "gazetteer index read out of bounds")
        return bytes.withUnsafeBytes { String(decoding: $0[(offset + 2)..<(offset + 2 + count)], as: UTF8.self) }
    }

    private func stringEquals(at reference: UInt32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let offset = Int(reference)
        guard Int(load(offset, as: UInt16.self)) == key.count, offset + 2 + key.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            key.indices.allSatisfy { stored[offset + 2 + $0] == key[$0] }
        }
    }

    /// The slot of a key, given as `Gazetteer.key` makes it (any normal form).
    func slot(_ key: String) -> Slot? {
        var key = key
        // Almost every key is ASCII, which is its own NFC form; the others are normalized
        // first with the standard library's own NFC (underscored but public), the one
        // String hashing and equality use.
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return key.withUTF8 { slot(utf8: $0) } }
        return key._nfcCodeUnits.withUnsafeBufferPointer { slot(utf8: $0) }
    }

    private func slot(utf8 key: UnsafeBufferPointer<UInt8>) -> Slot? {
        let hash = Self.hash(key)
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        var index = Int(truncatingIfNeeded: hash) & slotMask
        // The writer leaves half the slots empty, so a probe ends long before this bound,
        // which only keeps a damaged file from looping forever.
        for _ in 0...slotMask {
            let base = slotsOffset + index * Self.slotSize
            let flags = Flags(rawValue: load(base + 12, as: UInt8.self))
            if flags.isEmpty { return nil }
            if load(base, as: UInt32.self) == tag, stringEquals(at: load(base + 4, as: UInt32.self), key) {
                return Slot(flags: flags, entryOffset: Int(load(base + 8, as: UInt32.self)))
            }
            index = (index + 1) & slotMask
        }
        return nil
    }

    func entry(at offset: Int) -> Gazetteer.Entry {
        var entry = Gazetteer.Entry()
        entry.kinds = Gazetteer.Kinds(rawValue: load(offset, as: UInt8.self))
        let parts = load(offset + 1, as: UInt8.self)
        let placeCount = Int(load(offset + 2, as: UInt16.self))
        var cursor = offset + 4
        func nextString() -> String? {
            defer { cursor += 4 }
            return string(at: load(cursor, as: UInt32.self))
        }
        if parts & 1 != 0 { entry.demonymCountry = nextString() }
        if parts & 2 != 0 {
            let acronym = nextString() ?? ""
            let name = nextString() ?? ""
            let country = nextString()
            entry.organization = Gazetteer.Organization(acronym: acronym, name: name, country: country)
        }
        entry.places.reserveCapacity(placeCount)
        for _ in 0..<placeCount {
            entry.places.append(place(at: Int(load(cursor, as: UInt32.self))))
            cursor += 4
        }
        return entry
    }

    private func place(at offset: Int) -> Gazetteer.Place {
        let present = load(offset + 13, as: UInt8.self)
        return Gazetteer.Place(
            name: string(at: load(offset, as: UInt32.self)) ?? "",
            kind: Gazetteer.Kinds(rawValue: load(offset + 12, as: UInt8.self)),
            country: string(at: load(offset + 4, as: UInt32.self)), admin1: string(at: load(offset + 8, as: UInt32.self)),
            latitude: present & 1 != 0 ? Double(bitPattern: load(offset + 16, as: UInt64.self)) : nil,
            longitude: present & 2 != 0 ? Double(bitPattern: load(offset + 24, as: UInt64.self)) : nil,
            population: Int(load(offset + 32, as: Int64.self)))
    }

    /// A pairs section as a dictionary: a few hundred short strings, cheap at start.
    func pairs(headerField: Int) -> [String: String] {
        let offset = Int(load(Self.magic.count + 4 * headerField, as: UInt32.self))
        let count = Int(load(offset, as: UInt32.self))
        var pairs: [String: String] = [:]
        pairs.reserveCapacity(count)
        for index in 0..<count {
            let base = offset + 4 + index * 8
            if let key = string(at: load(base, as: UInt32.self)), let value = string(at: load(base + 4, as: UInt32.self)) {
                pairs[key] = value
            }
        }
        return pairs
    }
}
