import GleanerCore

/// Every id the sink has ever written, on disk (`OUT/.gleaner-index/ids.table`) rather
/// than in a Set: the output can outgrow memory, and rotated files can be moved away,
/// while a redelivered id must still be recognised. Each id keeps the digest and the
/// version of its latest record, and each (id, digest) pair written is a key of its
/// own, so a redelivery of any earlier version (same record) is told apart from an
/// update (same id, new content) whatever order they arrive in.
///
/// The result files stay the truth. The index trails them: ids go in only once their
/// batch is written, and a checkpoint names how far into each file the index is
/// complete. A restart indexes whatever lies past the checkpoint, so a crash between
/// a write and its index update never lets a redelivery through.
final class WrittenIDs {
    struct Entry {
        var digest: UInt64
        var version: UInt32
    }

    private let table: MappedTable
    private let checkpointPath: String
    /// Bytes of each output file (by its closed name) whose ids are all in the table.
    private(set) var coverage: [String: Int] = [:]
    private var checkpointed: [String: Int] = [:]

    init(directory: String) throws {
        try FileDescriptor.makeDirectory(directory)
        table = try MappedTable(path: directory + "/ids.table")
        checkpointPath = directory + "/checkpoint"
        // A new table knows nothing, whatever an old checkpoint says.
        if !table.isNew { coverage = Self.readCheckpoint(checkpointPath) }
        checkpointed = coverage
    }

    /// Distinct ids written.
    var count: Int { Int(table.counter) }

    func entry(for id: String) -> Entry? {
        let (key0, key1) = Self.key(id)
        return table.find(key0, key1).map { Entry(digest: $0.first, version: UInt32(truncatingIfNeeded: $0.second)) }
    }

    /// Whether this very record (id and content) was written, as any version.
    func contains(_ id: String, digest: UInt64) -> Bool {
        let (key0, key1) = Self.key(id, digest: digest)
        return table.find(key0, key1) != nil
    }

    /// Records a written line: the id's latest entry, unless a later version is known
    /// (a restart indexes files in name order, not write order), and the line itself.
    func record(_ id: String, _ entry: Entry) throws {
        let (key0, key1) = Self.key(id)
        let known = table.find(key0, key1)
        if known == nil || UInt32(truncatingIfNeeded: known!.second) <= entry.version {
            if try table.store(key0, key1, MappedTable.Value(first: entry.digest, second: UInt64(entry.version))) {
                table.counter += 1
            }
        }
        let (pair0, pair1) = Self.key(id, digest: entry.digest)
        try table.store(pair0, pair1, MappedTable.Value(first: UInt64(entry.version), second: 0))
    }

    func cover(_ file: String, through bytes: Int) {
        coverage[file] = bytes
    }

    /// Makes the table durable, then the checkpoint that vouches for it. With `sync` false
    /// (fsync policy `never`) both only reach the page cache.
    func saveCheckpoint(sync: Bool) throws {
        guard coverage != checkpointed else { return }
        if sync { try table.sync() }
        let text = coverage.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined()
        let temporary = checkpointPath + ".new"
        let file = try FileDescriptor.open(temporary)
        defer { file.close() }
        try file.truncate(to: 0)
        try file.write(Array(text.utf8))
        if sync { try file.sync() }
        try FileDescriptor.rename(temporary, to: checkpointPath)
        checkpointed = coverage
    }

    private static func key(_ id: String) -> (UInt64, UInt64) {
        (FastHash.hash(id, seed: 0x6964_7331) | 1, FastHash.hash(id, seed: 0x6964_7332))
    }

    private static func key(_ id: String, digest: UInt64) -> (UInt64, UInt64) {
        let (key0, key1) = key(id)
        return (FastHash.mix(key0 ^ digest) | 1, FastHash.mix(key1 &+ digest))
    }

    private static func readCheckpoint(_ path: String) -> [String: Int] {
        guard let file = try? FileDescriptor.openForReading(path), let bytes = try? file.readToEnd() else { return [:] }
        file.close()
        var coverage: [String: Int] = [:]
        for line in bytes.split(separator: 0x0A) {
            let parts = line.split(separator: 0x09)
            guard parts.count == 2, let bytes = Int(String(decoding: parts[1], as: UTF8.self)) else { continue }
            coverage[String(decoding: parts[0], as: UTF8.self)] = bytes
        }
        return coverage
    }
}
