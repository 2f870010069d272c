#if canImport(Glibc)
import Glibc
#endif

/// The broker's write-ahead log: every accepted document is appended (and synced)
/// before its feeder hears ACCEPTED, and a tombstone follows once its result is
/// durable at the sink. Restarting on the same directory replays the log and yields
/// every unfinished document. Only an index lives in memory; payloads stay on disk.
///
/// Format, one file `journal.log`: `A <seq> <length>\n<payload>\n` for a document,
/// `D <seq>\n` for a finished one. A torn record at the tail (a crash mid-append) was
/// never acknowledged, so replay truncates it.
final class Journal {
    struct Entry {
        var offset: Int
        var length: Int
        /// Header, payload and newline: what the record weighs in the file.
        var recordLength: Int
    }

    struct Stats {
        var liveDocuments: Int
        var fileBytes: Int
    }

    let directory: String
    /// Random per journal, part of every lease token.
    let id: String
    private var file: FileDescriptor
    private(set) var entries: [UInt64: Entry] = [:]
    private var nextSequence: UInt64 = 1
    private var fileBytes = 0
    private var liveBytes = 0
    private var unsynced = false
    /// Compaction rewrites the log when it is this large and mostly finished documents.
    var compactionThreshold = 64 * 1024 * 1024

    init(directory: String) throws {
        self.directory = directory
        try FileDescriptor.makeDirectory(directory)
        id = try Self.loadOrCreateID(directory)
        file = try FileDescriptor.open(directory + "/journal.log", append: true)
        try replay()
    }

    deinit { file.close() }

    /// Unfinished documents in the order they were accepted.
    var pendingSequences: [UInt64] { entries.keys.sorted() }
    var liveCount: Int { entries.count }
    var stats: Stats { Stats(liveDocuments: entries.count, fileBytes: fileBytes) }

    func append(_ payload: [UInt8]) throws -> UInt64 {
        let sequence = nextSequence
        nextSequence += 1
        var record = Array("A \(sequence) \(payload.count)\n".utf8)
        let payloadOffset = fileBytes + record.count
        record.append(contentsOf: payload)
        record.append(0x0A)
        try file.write(record)
        fileBytes += record.count
        liveBytes += record.count
        entries[sequence] = Entry(offset: payloadOffset, length: payload.count, recordLength: record.count)
        unsynced = true
        return sequence
    }

    /// Marks a document finished. Unknown sequences are ignored: a DONE may arrive twice.
    func complete(_ sequence: UInt64) throws -> Bool {
        guard let entry = entries.removeValue(forKey: sequence) else { return false }
        let record = Array("D \(sequence)\n".utf8)
        try file.write(record)
        fileBytes += record.count
        liveBytes -= entry.recordLength
        unsynced = true
        return true
    }

    func payload(_ sequence: UInt64) throws -> [UInt8]? {
        guard let entry = entries[sequence] else { return nil }
        return try file.read(count: entry.length, at: entry.offset)
    }

    /// Group commit: one fsync for everything appended since the last.
    func sync() throws {
        guard unsynced else { return }
        try file.sync()
        unsynced = false
    }

    var needsSync: Bool { unsynced }

    /// Rewrites the log with only the live documents once it is mostly dead weight.
    func compactIfWorthwhile() throws {
        guard fileBytes > compactionThreshold, liveBytes < fileBytes / 4 else { return }
        try sync()
        let path = directory + "/journal.log"
        let temporaryPath = path + ".compacting"
        let temporary = try FileDescriptor.open(temporaryPath)
        try temporary.truncate(to: 0)
        var rewritten: [UInt64: Entry] = [:]
        var offset = 0
        for sequence in entries.keys.sorted() {
            guard let payload = try payload(sequence) else { continue }
            var record = Array("A \(sequence) \(payload.count)\n".utf8)
            let payloadOffset = offset + record.count
            record.append(contentsOf: payload)
            record.append(0x0A)
            rewritten[sequence] = Entry(offset: payloadOffset, length: payload.count, recordLength: record.count)
            try temporary.write(record)
            offset += record.count
        }
        try temporary.sync()
        temporary.close()
        try FileDescriptor.rename(temporaryPath, to: path)
        try FileDescriptor.syncDirectory(directory)
        file.close()
        file = try FileDescriptor.open(path, append: true)
        entries = rewritten
        fileBytes = offset
        liveBytes = offset
    }

    private func replay() throws {
        let size = try file.size
        var offset = 0
        let chunk = 4 * 1024 * 1024
        var buffer: [UInt8] = []
        var bufferStart = 0
        var maxSequence: UInt64 = 0

        // Reads so that buffer covers [offset, offset + need), refilling as it goes.
        func ensure(_ need: Int) throws -> Bool {
            if offset + need > size { return false }
            if offset + need <= bufferStart + buffer.count, offset >= bufferStart { return true }
            buffer = try file.read(count: max(need, chunk), at: offset)
            bufferStart = offset
            return buffer.count >= need
        }

        recordLoop: while offset < size {
            // A header line is short; 64 bytes always holds one.
            guard try ensure(min(64, size - offset)) else { break }
            let headerSlice = buffer[(offset - bufferStart)...].prefix(64)
            guard let newline = headerSlice.firstIndex(of: 0x0A) else { break }
            let header = String(decoding: headerSlice[headerSlice.startIndex..<newline], as: UTF8.self)
            let parts = header.split(separator: " ")
            let headerLength = newline - headerSlice.startIndex + 1
            switch parts.first {
            case "A":
                guard parts.count == 3, let sequence = UInt64(parts[1]), let length = Int(parts[2]) else { break recordLoop }
                let recordLength = headerLength + length + 1
                guard offset + recordLength <= size else { break recordLoop }
                guard try ensure(recordLength), buffer[offset - bufferStart + recordLength - 1] == 0x0A else {
                    break recordLoop
                }
                entries[sequence] = Entry(offset: offset + headerLength, length: length, recordLength: recordLength)
                liveBytes += recordLength
                maxSequence = max(maxSequence, sequence)
                offset += recordLength
            case "D":
                guard parts.count == 2, let sequence = UInt64(parts[1]) else { break recordLoop }
                if let entry = entries.removeValue(forKey: sequence) { liveBytes -= entry.recordLength }
                maxSequence = max(maxSequence, sequence)
                offset += headerLength
            default:
                break recordLoop
            }
        }
        if offset < size {
            try file.truncate(to: offset)
            try file.sync()
        }
        fileBytes = offset
        nextSequence = maxSequence + 1
        tornBytesRepaired = size - offset
    }

    private(set) var tornBytesRepaired = 0

    private static func loadOrCreateID(_ directory: String) throws -> String {
        let path = directory + "/journal.id"
        let file = try FileDescriptor.open(path)
        defer { file.close() }
        let existing = String(decoding: try file.read(count: 128, at: 0), as: UTF8.self).trimmingNewlines()
        if !existing.isEmpty { return existing }
        var generator = SystemRandomNumberGenerator()
        let id = "j" + String(generator.next() as UInt64, radix: 36)
        try file.write(Array((id + "\n").utf8))
        try file.sync()
        try FileDescriptor.syncDirectory(directory)
        return id
    }
}

extension String {
    func trimmingNewlines() -> String {
        var text = Substring(self)
        while let last = text.last, last.isNewline || last == " " { text.removeLast() }
        return String(text)
    }
}
