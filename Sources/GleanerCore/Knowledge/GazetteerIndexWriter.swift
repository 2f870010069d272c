extension GazetteerIndex {
    /// Writes a parsed gazetteer in the layout `GazetteerIndex` reads. The bytes
    /// depend only on the table's content: keys are laid out in sorted order, strings
    /// stored in order of first use, nothing depends on dictionary order or on
    /// `Hasher`'s per-process seed, so rebuilding gives the same file.
    static func encode(_ table: GazetteerTable) -> [UInt8] {
        var flagsByKey: [[UInt8]: Flags] = [:]
        var keyOfEntry: [[UInt8]: String] = [:]
        for key in table.entries.keys {
            let nfc = key._nfcCodeUnits
            flagsByKey[nfc, default: []].insert(.entry)
            keyOfEntry[nfc] = key
        }
        for key in table.firstTokens { flagsByKey[key._nfcCodeUnits, default: []].insert(.firstToken) }
        for key in table.phrasePrefixes { flagsByKey[key._nfcCodeUnits, default: []].insert(.prefix) }
        let keys = flagsByKey.keys.sorted { $0.lexicographicallyPrecedes($1) }
        precondition(keyOfEntry.count == table.entries.count, "two gazetteer keys with the same NFC form")

        var slotCount = 1
        while slotCount < keys.count * 2 { slotCount *= 2 }  // at most half full: short probes
        let countryNames = table.countryNames.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let demonymAdjective = table.demonymAdjective.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let slotsOffset = headerSize
        let countryNamesOffset = slotsOffset + slotCount * slotSize
        let demonymAdjectiveOffset = countryNamesOffset + 4 + 8 * countryNames.count
        var output = ByteWriter(start: demonymAdjectiveOffset + 4 + 8 * demonymAdjective.count)

        var slots = [UInt8](repeating: 0, count: slotCount * slotSize)
        for key in keys {
            let hash = Self.hash(key)
            var index = Int(truncatingIfNeeded: hash) & (slotCount - 1)
            while slots[index * slotSize + 12] != 0 { index = (index + 1) & (slotCount - 1) }
            let flags = flagsByKey[key]!
            var entryOffset: UInt32 = 0
            if flags.contains(.entry) { entryOffset = output.append(table.entries[keyOfEntry[key]!]!) }
            let base = index * slotSize
            ByteWriter.put(UInt32(truncatingIfNeeded: hash >> 32), into: &slots, at: base)
            ByteWriter.put(output.string(key), into: &slots, at: base + 4)
            ByteWriter.put(entryOffset, into: &slots, at: base + 8)
            slots[base + 12] = flags.rawValue
        }

        // The pairs' strings go to the end part first, so that its length is final
        // when the header records the whole size.
        var pairSections: [UInt8] = []
        for pairs in [countryNames, demonymAdjective] {
            pairSections += ByteWriter.bytes(UInt32(pairs.count))
            for (key, value) in pairs {
                pairSections += ByteWriter.bytes(output.string(Array(key.utf8)))
                pairSections += ByteWriter.bytes(output.string(Array(value.utf8)))
            }
        }
        var header: [UInt8] = magic
        for field in [table.maxPhraseTokens, slotCount, slotsOffset, countryNamesOffset, demonymAdjectiveOffset, output.end] {
            header += ByteWriter.bytes(UInt32(field))
        }
        precondition(header.count == headerSize && slotsOffset + slots.count + pairSections.count == output.start)
        return header + slots + pairSections + output.bytes
    }
}

/// The entries and strings part of an index, growing at its end; offsets it hands
/// out are positions in the whole index (`start` is where this part begins).
private struct ByteWriter {
    let start: Int
    private(set) var bytes: [UInt8] = []
    private var strings: [[UInt8]: UInt32] = [:]
    private var places: [[UInt8]: UInt32] = [:]

    init(start: Int) { self.start = start }

    var end: Int { start + bytes.count }

    static func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    static func put<T: FixedWidthInteger>(_ value: T, into array: inout [UInt8], at offset: Int) {
        array.replaceSubrange(offset..<(offset + MemoryLayout<T>.size), with: bytes(value))
    }

    mutating func append<T: FixedWidthInteger>(_ value: T) { bytes.append(contentsOf: Self.bytes(value)) }

    /// The offset of a string, stored the first time it is asked for.
    mutating func string(_ utf8: [UInt8]) -> UInt32 {
        if let offset = strings[utf8] { return offset }
        precondition(utf8.count <= Int(UInt16.max), "gazetteer string too long for the index")
        let offset = UInt32(end)
        strings[utf8] = offset
        append(UInt16(utf8.count))
        bytes.append(contentsOf: utf8)
        return offset
    }

    mutating func string(_ value: String?) -> UInt32 {
        value.map { string(Array($0.utf8)) } ?? GazetteerIndex.noString
    }

    /// The offset of a place, stored the first time it is asked for: a city is listed
    /// under each of its aliases, and stored once.
    mutating func place(from place: Gazetteer.Place) -> UInt32 {
        var record: [UInt8] = []
        for reference in [string(place.name), string(place.country), string(place.admin1)] { record += Self.bytes(reference) }
        record += [place.kind.rawValue, UInt8((place.latitude == nil ? 0 : 1) | (place.longitude == nil ? 0 : 2)), 0, 0]
        record += Self.bytes((place.latitude ?? 0).bitPattern) + Self.bytes((place.longitude ?? 0).bitPattern)
        record += Self.bytes(Int64(place.population))
        precondition(record.count == GazetteerIndex.placeSize)
        if let offset = places[record] { return offset }
        let offset = UInt32(end)
        places[record] = offset
        bytes += record
        return offset
    }

    /// Writes an entry's strings and places first, then the entry, and returns the entry's offset.
    mutating func append(_ entry: Gazetteer.Entry) -> UInt32 {
        var references: [UInt32] = []
        var parts: UInt8 = 0
        if let demonym = entry.demonymCountry {
            parts |= 1
            references.append(string(demonym))
        }
        if let organization = entry.organization {
            parts |= 2
            references += [string(organization.acronym), string(organization.name), string(organization.country)]
        }
        let places = entry.places.map { place(from: $0) }
        precondition(places.count <= Int(UInt16.max), "too many places under one gazetteer phrase")
        let offset = UInt32(end)
        append(entry.kinds.rawValue)
        append(parts)
        append(UInt16(places.count))
        for reference in references + places { append(reference) }
        return offset
    }
}
