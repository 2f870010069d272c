/// One kind of output (results or errors) as the files it is written to. Without
/// rotation that is `results.jsonl`, appended to for ever (`tail -F` works). With
/// rotation, each file is `results-<opened>-<seq>.jsonl.open` while written and is
/// renamed to `.jsonl` once closed, so a consumer that reads `*.jsonl` only ever
/// sees complete files. A file is opened on its first record: no empty files.
final class OutputFile {
    let kind: String
    private let directory: String
    private let rotation: Rotation?
    private var file: FileDescriptor?
    private var period = 0
    private var nextSequence: Int
    private(set) var name: String
    private(set) var bytes = 0
    private(set) var records = 0

    init(kind: String, directory: String, rotation: Rotation?, nextSequence: Int) throws {
        self.kind = kind
        self.directory = directory
        self.rotation = rotation
        self.nextSequence = nextSequence
        name = kind + ".jsonl"
        if rotation == nil { try open() }
    }

    deinit { file?.close() }

    /// Appends, opening a new file first if none is open. Returns the file's closed name.
    func write(_ data: [UInt8], recordCount: Int) throws -> String {
        if file == nil { try open() }
        try file!.write(data)
        bytes += data.count
        records += recordCount
        return name
    }

    func sync() throws { try file?.sync() }

    /// Closes the open file if its period is over or it is full. Returns it if so.
    func closeIfDue(now: Int) throws -> (name: String, records: Int)? {
        guard let rotation, file != nil, rotation.period(now) != period || rotation.isFull(bytes) else { return nil }
        return try close()
    }

    /// Without rotation, someone may `mv results.jsonl results-2025-03-04.jsonl`: the
    /// sink then starts a new results.jsonl instead of appending to the moved file.
    /// Returns whether it did.
    func reopenIfMoved() throws -> Bool {
        guard rotation == nil, let current = file, try !current.isStill(at: directory + "/" + name) else { return false }
        current.close()
        file = nil
        try open()
        return true
    }

    /// Syncs and renames the open file to its closed name (rotation only).
    @discardableResult
    func close() throws -> (name: String, records: Int)? {
        guard let open = file, rotation != nil else { return nil }
        try open.sync()
        open.close()
        file = nil
        try FileDescriptor.rename(directory + "/" + name + ".open", to: directory + "/" + name)
        try FileDescriptor.syncDirectory(directory)
        return (name, records)
    }

    private func open() throws {
        if let rotation {
            let now = Rotation.now()
            period = rotation.period(now)
            name = "\(kind)-\(Rotation.stamp(now))-\(Self.sequenceText(nextSequence)).jsonl"
            nextSequence += 1
            file = try FileDescriptor.open(directory + "/" + name + ".open", append: true)
            try FileDescriptor.syncDirectory(directory)
        } else {
            file = try FileDescriptor.open(directory + "/" + name, append: true)
        }
        bytes = try file!.size
        records = 0
    }

    private static func sequenceText(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The sequence number in a rotated file's name (`results-...-000042.jsonl[.open]`).
    static func sequence(of fileName: String) -> Int? {
        let stem = fileName.hasSuffix(".open") ? String(fileName.dropLast(5)) : fileName
        guard stem.hasSuffix(".jsonl"), let dash = stem.lastIndex(of: "-") else { return nil }
        return Int(stem[stem.index(after: dash)..<stem.index(stem.endIndex, offsetBy: -6)])
    }
}
