import Foundation
import GleanerCore

/// The sink's output files and the index of what is in them. Appends are one write per
/// batch per file; durability is one fsync per batch (group commit). Each id is written
/// once across every file, rotated or not, and across restarts (`WrittenIDs`); with the
/// `supersede` policy a result whose content changed is written again as a new version.
/// On open, a torn last line (a crash mid-write) is cut off, files a crash left `.open`
/// are closed, and whatever the index had not yet covered is indexed.
final class ResultLog {
    enum FsyncPolicy: String, Sendable, CaseIterable {
        /// fsync every batch before acknowledging it (the default).
        case batch
        /// No fsync: acknowledged once in the page cache. Survives a process crash,
        /// not a power cut.
        case never
    }

    enum DuplicatePolicy: String, Sendable, CaseIterable {
        /// A record whose id was written before is dropped (logged and counted).
        case drop
        /// Dropped only if it is the same record again (a redelivery); a result whose
        /// content changed is written as the id's next `version`.
        case supersede
    }

    enum File: Int, CaseIterable {
        case results, errors
        var kind: String { self == .results ? "results" : "errors" }
    }

    struct Options {
        var fsync = FsyncPolicy.batch
        var rotation: Rotation?
        var duplicates = DuplicatePolicy.drop
        var nearDuplicates = true
    }

    enum Status: String {
        case new, updated, error
    }

    struct Staged {
        var id: String
        var file: File
        var status: Status
        var entry: WrittenIDs.Entry
        var range: Range<Int>
    }

    enum Verdict: Equatable {
        case staged(Status)
        case duplicate(version: UInt32)
    }

    static let indexDirectoryName = ".gleaner-index"

    let directory: String
    let options: Options
    private let written: WrittenIDs
    private let nearDuplicates: NearDuplicates?
    private var outputs: [OutputFile] = []
    private var pending: [[UInt8]] = [[], []]
    private var staged: [Staged] = []
    private var stagedEntries: [String: WrittenIDs.Entry] = [:]
    private var lastCheckpoint = MonotonicClock.milliseconds
    private(set) var tornLinesRepaired = 0

    init(directory: String, options: Options = Options()) throws {
        self.directory = directory
        self.options = options
        try FileDescriptor.makeDirectory(directory)
        let indexDirectory = directory + "/" + Self.indexDirectoryName
        written = try WrittenIDs(directory: indexDirectory)
        nearDuplicates = options.nearDuplicates ? try NearDuplicates(directory: indexDirectory) : nil
        var lastSequence = 0
        for name in try Self.outputFileNames(directory) {
            let closedName = name.hasSuffix(".open") ? String(name.dropLast(5)) : name
            try index(name, as: closedName)
            if closedName != name { try FileDescriptor.rename(directory + "/" + name, to: directory + "/" + closedName) }
            lastSequence = max(lastSequence, OutputFile.sequence(of: name) ?? 0)
        }
        for file in File.allCases {
            outputs.append(
                try OutputFile(kind: file.kind, directory: directory, rotation: options.rotation, nextSequence: lastSequence + 1))
        }
        try FileDescriptor.syncDirectory(directory)
        try written.saveCheckpoint(sync: options.fsync == .batch)
    }

    /// Ids written so far, in every file.
    var recordCount: Int { written.count }

    /// Stages a line unless it is a duplicate under the policy. Results get the sink's
    /// fields (`version`, `supersedes`, `nearDuplicateOf`).
    func stage(id: String, line: [UInt8], into file: File) throws -> Verdict {
        let digest = RecordLine.digest(line[...])
        var version: UInt32 = 1
        if let previous = stagedEntries[id] ?? written.entry(for: id) {
            guard file == .results, options.duplicates == .supersede, previous.digest != digest,
                !written.contains(id, digest: digest)
            else { return .duplicate(version: previous.version) }
            version = previous.version + 1
        }
        var bytes = line
        if file == .results {
            let original = try RecordLine.signature(line).flatMap { try nearDuplicates?.check(id: id, signature: $0) }
            bytes = RecordLine.annotated(
                line, version: version, supersedes: version > 1 ? version - 1 : nil, nearDuplicateOf: original)
        }
        let status: Status = file == .errors ? .error : version > 1 ? .updated : .new
        let start = pending[file.rawValue].count
        pending[file.rawValue].append(contentsOf: bytes)
        let entry = WrittenIDs.Entry(digest: digest, version: version)
        staged.append(Staged(id: id, file: file, status: status, entry: entry, range: start..<(start + bytes.count)))
        pending[file.rawValue].append(0x0A)
        stagedEntries[id] = entry
        return .staged(status)
    }

    /// Writes and (per policy) syncs everything staged, then indexes it. `durable` hears
    /// of each record (with its line and its file's closed name) once it is on disk.
    func commit(_ durable: (Staged, ArraySlice<UInt8>, String) -> Void = { _, _, _ in }) throws {
        var names = ["", ""]
        for file in File.allCases where !pending[file.rawValue].isEmpty {
            let output = outputs[file.rawValue]
            let count = staged.lazy.filter { $0.file == file }.count
            names[file.rawValue] = try output.write(pending[file.rawValue], recordCount: count)
            if options.fsync == .batch { try output.sync() }
        }
        try nearDuplicates?.flush()
        for record in staged {
            try written.record(record.id, record.entry)
            durable(record, pending[record.file.rawValue][record.range], names[record.file.rawValue])
        }
        for file in File.allCases where !pending[file.rawValue].isEmpty {
            written.cover(outputs[file.rawValue].name, through: outputs[file.rawValue].bytes)
            pending[file.rawValue].removeAll(keepingCapacity: true)
        }
        staged.removeAll(keepingCapacity: true)
        stagedEntries.removeAll(keepingCapacity: true)
    }

    /// Closes files whose period ended or that are full, and checkpoints the index about
    /// once a second. Returns the names of the files closed.
    func tick() throws -> [(name: String, records: Int)] {
        var closed: [(name: String, records: Int)] = []
        for output in outputs {
            if let file = try output.closeIfDue(now: Rotation.now()) { closed.append(file) }
        }
        let now = MonotonicClock.milliseconds
        if !closed.isEmpty || now - lastCheckpoint >= 1_000 {
            for output in outputs where try output.reopenIfMoved() {
                written.cover(output.name, through: output.bytes)
            }
            if options.fsync == .batch { try nearDuplicates?.sync() }
            try written.saveCheckpoint(sync: options.fsync == .batch)
            lastCheckpoint = now
        }
        return closed
    }

    /// Closes the open files (rotation) and checkpoints: a clean stop leaves nothing `.open`.
    func close() throws -> [(name: String, records: Int)] {
        let closed = try outputs.compactMap { try $0.close() }
        try written.saveCheckpoint(sync: options.fsync == .batch)
        return closed
    }

    /// Indexes a file from where the checkpoint left it, cutting off a torn last line.
    private func index(_ name: String, as closedName: String) throws {
        let file = try FileDescriptor.open(directory + "/" + name)
        defer { file.close() }
        let size = try file.size
        var start = written.coverage[closedName] ?? 0
        if start > size { start = 0 }  // replaced by a shorter file of the same name
        guard start < size else { return }
        let validEnd = try LineScanner(file: file, start: start).forEachLine { line, _ in
            guard let id = Self.leadingID(line) else { return }
            try written.record(id, WrittenIDs.Entry(digest: RecordLine.digest(line), version: RecordLine.version(line) ?? 1))
        }
        if validEnd < size {
            try file.truncate(to: validEnd)
            try file.sync()
            tornLinesRepaired += 1
        }
        written.cover(closedName, through: validEnd)
    }

    /// `results*.jsonl`, `errors*.jsonl` and their `.open` forms, oldest name first.
    private static func outputFileNames(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { name in
            (name.hasPrefix("results") || name.hasPrefix("errors")) && (name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.open"))
        }.sorted()
    }

    /// Every line the pipeline writes starts with `{"id":"...`; reading just that is
    /// much faster than parsing whole records at start-up. Other lines get a full parse.
    static func leadingID(_ line: ArraySlice<UInt8>) -> String? {
        let prefix = Array(#"{"id":""#.utf8)
        if line.starts(with: prefix) {
            var index = line.startIndex + prefix.count
            var simple = true
            while index < line.endIndex, line[index] != UInt8(ascii: "\"") {
                if line[index] == UInt8(ascii: "\\") {
                    simple = false
                    break
                }
                index += 1
            }
            if simple, index < line.endIndex {
                return String(decoding: line[(line.startIndex + prefix.count)..<index], as: UTF8.self)
            }
        }
        return (try? JSONParser.parse(Array(line)))?["id"]?.stringValue
    }
}
