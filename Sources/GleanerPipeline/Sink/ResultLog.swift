import GleanerCore

/// The sink's two JSON Lines files and the set of ids already in them. Appends are
/// one write per batch per file; durability is one fsync per batch (group commit).
/// On open, a torn last line (a crash mid-write) is cut off, and the ids of every
/// complete line are read back so redeliveries are recognised as duplicates.
final class ResultLog {
    enum FsyncPolicy: String, Sendable, CaseIterable {
        /// fsync every batch before acknowledging it (the default).
        case batch
        /// No fsync: acknowledged once in the page cache. Survives a process crash,
        /// not a power cut.
        case never
    }

    enum File: Int, CaseIterable {
        case results, errors
        var fileName: String { self == .results ? "results.jsonl" : "errors.jsonl" }
    }

    private var files: [FileDescriptor] = []
    private var pending: [[UInt8]] = [[], []]
    private(set) var writtenIDs: Set<String> = []
    private(set) var tornLinesRepaired = 0
    let directory: String
    let policy: FsyncPolicy

    init(directory: String, policy: FsyncPolicy = .batch) throws {
        self.directory = directory
        self.policy = policy
        try FileDescriptor.makeDirectory(directory)
        for file in File.allCases {
            let descriptor = try FileDescriptor.open(directory + "/" + file.fileName, append: true)
            files.append(descriptor)
            try recover(descriptor)
        }
        try FileDescriptor.syncDirectory(directory)
    }

    deinit { files.forEach { $0.close() } }

    /// Stages a line unless its id was already written or staged. Returns false for a duplicate.
    func stage(id: String, line: [UInt8], into file: File) -> Bool {
        guard writtenIDs.insert(id).inserted else { return false }
        pending[file.rawValue].append(contentsOf: line)
        pending[file.rawValue].append(0x0A)
        return true
    }

    /// Writes and (per policy) syncs everything staged. Acks may be sent after this returns.
    func commit() throws {
        for file in File.allCases where !pending[file.rawValue].isEmpty {
            try files[file.rawValue].write(pending[file.rawValue])
            if policy == .batch { try files[file.rawValue].sync() }
            pending[file.rawValue].removeAll(keepingCapacity: true)
        }
    }

    private func recover(_ file: FileDescriptor) throws {
        let validEnd = try LineScanner(file: file).forEachLine { line, _ in
            if let id = Self.leadingID(line) { writtenIDs.insert(id) }
        }
        let size = try file.size
        if validEnd < size {
            try file.truncate(to: validEnd)
            try file.sync()
            tornLinesRepaired += 1
        }
    }

    /// Every line the pipeline writes starts with `{"id":"...`; reading just that is
    /// much faster than parsing whole records at start-up. Other lines get a full parse.
    static func leadingID(_ line: ArraySlice<UInt8>) -> String? {
        let prefix = Array(#"{"id":""#.utf8)
        if line.starts(with: prefix) {
            var index = line.startIndex + prefix.count
            var simple = true
            while index < line.endIndex, line[index] != UInt8(ascii: "\"") {
                if line[index] == UInt8(ascii: "\\") { simple = false; break }
                index += 1
            }
            if simple, index < line.endIndex {
                return String(decoding: line[(line.startIndex + prefix.count)..<index], as: UTF8.self)
            }
        }
        return (try? JSONParser.parse(Array(line)))?["id"]?.stringValue
    }
}
