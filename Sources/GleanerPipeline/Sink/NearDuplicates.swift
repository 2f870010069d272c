import GleanerCore

/// Finds, for each result's content signature, the earliest earlier result whose
/// estimated Jaccard similarity is at least `threshold`, by locality-sensitive hashing:
/// each signature's bands are keys in an on-disk table holding the first record that
/// had that band; records sharing a band are candidates, checked on their full sketch.
///
/// Files in `OUT/.gleaner-index/`: `bands.table` (band key -> record ordinal),
/// `sketches.bin` (per ordinal: the sketch and where its id is), `sketch-ids.txt`
/// (the ids). Nothing grows on the heap; candidates are read back with pread.
final class NearDuplicates {
    static let threshold = 0.8
    private static let sketchBytes = ContentSignature.size * 2
    private static let recordBytes = sketchBytes + 16

    private let bands: MappedTable
    private let sketches: FileDescriptor
    private let ids: FileDescriptor
    private var ordinals: Int
    private var idBytes: Int
    /// Records not yet handed to the files: one write per batch, not two per record.
    private var unwrittenSketches: [UInt8] = []
    private var unwrittenIDs: [UInt8] = []
    private var writtenOrdinals: Int

    init(directory: String) throws {
        try FileDescriptor.makeDirectory(directory)
        bands = try MappedTable(path: directory + "/bands.table", initialCapacity: 1 << 17)
        sketches = try FileDescriptor.open(directory + "/sketches.bin", append: true)
        ids = try FileDescriptor.open(directory + "/sketch-ids.txt", append: true)
        if bands.isNew {
            try sketches.truncate(to: 0)
            try ids.truncate(to: 0)
        }
        // A torn last record (killed mid-append) is cut off. Bands written before a kill may
        // name an ordinal whose record was lost and is later reused: every candidate is
        // checked on its full sketch, so that costs a missed candidate, never a false mark.
        ordinals = try sketches.size / Self.recordBytes
        try sketches.truncate(to: ordinals * Self.recordBytes)
        idBytes = try ids.size
        writtenOrdinals = ordinals
    }

    deinit {
        sketches.close()
        ids.close()
    }

    /// The earliest near-duplicate of `signature` among records with another id, then
    /// remembers this record as a candidate for later ones.
    func check(id: String, signature: ContentSignature) throws -> String? {
        let keys = signature.bandKeys
        var best: (ordinal: Int, id: String)?
        var checked = Set<UInt64>()
        for key in keys {
            guard let hit = bands.find(key, 0), checked.insert(hit.first).inserted else { continue }
            let ordinal = Int(hit.first)
            if let best, best.ordinal < ordinal { continue }
            guard let (sketch, candidate) = try read(ordinal), candidate != id,
                signature.estimatedJaccard(sketch) >= Self.threshold
            else { continue }
            best = (ordinal, candidate)
        }
        try remember(id: id, signature: signature, keys: keys)
        return best?.id
    }

    /// Hands buffered records to the files (the page cache): enough to survive the
    /// process being killed. Called once per batch.
    func flush() throws {
        guard !unwrittenSketches.isEmpty else { return }
        try ids.write(unwrittenIDs)
        try sketches.write(unwrittenSketches)
        unwrittenIDs.removeAll(keepingCapacity: true)
        unwrittenSketches.removeAll(keepingCapacity: true)
        writtenOrdinals = ordinals
    }

    func sync() throws {
        try flush()
        try bands.sync()
        try sketches.sync()
        try ids.sync()
    }

    private func remember(id: String, signature: ContentSignature, keys: [UInt64]) throws {
        let idLength = id.utf8.count
        for value in signature.values {
            unwrittenSketches.append(UInt8(value & 0xFF))
            unwrittenSketches.append(UInt8(value >> 8))
        }
        Self.append(UInt64(idBytes), to: &unwrittenSketches)
        Self.append(UInt64(idLength), to: &unwrittenSketches)
        unwrittenIDs.append(contentsOf: id.utf8)
        idBytes += idLength
        let ordinal = UInt64(ordinals)
        ordinals += 1
        for key in keys where bands.find(key, 0) == nil {
            try bands.store(key, 0, MappedTable.Value(first: ordinal, second: 0))
        }
    }

    private func read(_ ordinal: Int) throws -> (ContentSignature, String)? {
        guard ordinal < ordinals else { return nil }
        let record: [UInt8]
        if ordinal >= writtenOrdinals {
            let start = (ordinal - writtenOrdinals) * Self.recordBytes
            record = Array(unwrittenSketches[start..<(start + Self.recordBytes)])
        } else {
            record = try sketches.read(count: Self.recordBytes, at: ordinal * Self.recordBytes)
        }
        guard record.count == Self.recordBytes else { return nil }
        let values = (0..<ContentSignature.size).map { UInt16(record[2 * $0]) | UInt16(record[2 * $0 + 1]) << 8 }
        let offset = Int(Self.load(record, at: Self.sketchBytes))
        let length = Int(Self.load(record, at: Self.sketchBytes + 8))
        let writtenIDBytes = idBytes - unwrittenIDs.count
        let idUTF8 =
            offset >= writtenIDBytes
            ? Array(unwrittenIDs[(offset - writtenIDBytes)..<(offset - writtenIDBytes + length)])
            : try ids.read(count: length, at: offset)
        return (ContentSignature(values: values), String(decoding: idUTF8, as: UTF8.self))
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private static func load(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << UInt64($1 * 8) }
    }
}
