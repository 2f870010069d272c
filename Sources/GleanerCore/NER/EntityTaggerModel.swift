/// The trained weights of the named-entity tagger: an averaged perceptron over hashed
/// features, one weight per (feature, label). Serialised into the package resource
/// `ner-model.bin` by `gleaner train ner`.
///
/// Rows are sparse: a feature fires with a handful of the labels it was trained on (92%
/// of an OntoNotes model's dense weights are zero), so each row keeps only its non-zero
/// (label, weight) entries. That makes the model a fifth of the dense size in memory and
/// on disk, and scoring a feature costs its entries, not one add per label.
public struct EntityTaggerModel: Sendable {
    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    /// BIO labels: "O", "B-PER", "I-PER", ... (BILOU's L- and U- are read too).
    public let labels: [String]
    /// Feature hash → not a row number but its entries' place, `start << 8 | count` into
    /// `entries`, so scoring a feature reads no index array in between (that look-up was a
    /// sixth of the tagger's time, all of it cache misses). Labels are fewer than 256 and
    /// entries fewer than 2^23, so it stays a positive Int32.
    let rows: FeatureTable
    /// A label and its weight side by side, so scoring a row touches one cache line.
    let entries: [Entry]

    struct Entry {
        var label: UInt32
        var weight: Float
    }
    let outside: Int
    /// For each label, the type a preceding tag must continue for it to be valid (I-X and L-X follow B-X or I-X).
    let continuationOf: [String?]
    /// `allowed(label, after: previous)` precomputed, at `previous * labels.count + label`.
    let allowedAfter: [Bool]
    /// The decoder's tag-history rows, looked up once: the previous tag's
    /// (`previousTagRows[previous]`) and the two previous tags'
    /// (`previousTwoTagRows[previous * labels.count + beforePrevious]`); -1 when unseen.
    let previousTagRows: [Int32]
    let previousTwoTagRows: [Int32]
    /// The previous tag + word feature's hash state after the template and tag, to
    /// which the decoder mixes the word.
    let tagWordSeeds: [UInt64]

    /// From the trainer's dense rows (`weights[row * labels.count + label]`).
    init(labels: [String], rows: [UInt64: Int32], weights: [Float]) {
        let width = labels.count
        var hashes = [UInt64](repeating: 0, count: rows.count)
        for (hash, row) in rows { hashes[Int(row)] = hash }
        var starts: [Int32] = [0]
        var entries: [Entry] = []
        for row in 0..<rows.count {
            for label in 0..<width where weights[row * width + label] != 0 {
                entries.append(Entry(label: UInt32(label), weight: weights[row * width + label]))
            }
            starts.append(Int32(entries.count))
        }
        self.init(labels: labels, hashes: hashes, rowStarts: starts, entries: entries)
    }

    /// Row r is the feature `hashes[r]`, its entries `entries[rowStarts[r]..<rowStarts[r + 1]]`.
    init(labels: [String], hashes: [UInt64], rowStarts: [Int32], entries: [Entry]) {
        self.labels = labels
        precondition(entries.count < 1 << 23, "too many weights for packed rows")
        var table = FeatureTable(capacity: hashes.count)
        for (row, hash) in hashes.enumerated() {
            table.insert(hash, row: rowStarts[row] << 8 | (rowStarts[row + 1] - rowStarts[row]))
        }
        self.rows = table
        self.entries = entries
        outside = labels.firstIndex(of: "O") ?? 0
        let continuationOf = labels.map { $0.hasPrefix("I-") || $0.hasPrefix("L-") ? String($0.dropFirst(2)) : nil }
        self.continuationOf = continuationOf
        let width = labels.count
        var allowedAfter = [Bool](repeating: true, count: width * width)
        var previousTagRows = [Int32](repeating: -1, count: width)
        var previousTwoTagRows = [Int32](repeating: -1, count: width * width)
        var tagWordSeeds = [UInt64](repeating: 0, count: width)
        for previous in 0..<width {
            let previousLabel = labels[previous]
            for label in 0..<width {
                guard let type = continuationOf[label] else { continue }
                allowedAfter[previous * width + label] =
                    (previousLabel.hasPrefix("B-") || previousLabel.hasPrefix("I-")) && previousLabel.dropFirst(2) == type
            }
            var single = FeatureHash(NERFeatures.Template.previousTag.rawValue)
            single.mix(previous)
            previousTagRows[previous] = table.row(single.value) ?? -1
            for beforePrevious in 0..<width {
                var pair = FeatureHash(NERFeatures.Template.previousTwoTags.rawValue)
                pair.mix(previous)
                pair.mix(beforePrevious)
                previousTwoTagRows[previous * width + beforePrevious] = table.row(pair.value) ?? -1
            }
            var tagWord = FeatureHash(NERFeatures.Template.previousTagWord.rawValue)
            tagWord.mix(previous)
            tagWordSeeds[previous] = tagWord.value
        }
        self.allowedAfter = allowedAfter
        self.previousTagRows = previousTagRows
        self.previousTwoTagRows = previousTwoTagRows
        self.tagWordSeeds = tagWordSeeds
    }

    public var featureCount: Int { rows.count }

    /// The weights as raw pointers for the decoder's inner loop.
    struct Weights {
        let entries: UnsafePointer<Entry>

        /// Adds one packed row to `scores`; a row of -1 adds nothing. Each label's sum
        /// takes its terms in row order, the same order for every caller.
        @inline(__always)
        func addRow(_ row: Int32, into scores: UnsafeMutablePointer<Float>) {
            guard row >= 0 else { return }
            let start = Int(row >> 8)
            for index in start..<(start + Int(row & 0xFF)) {
                let entry = entries[index]
                scores[Int(entry.label)] += entry.weight
            }
        }
    }

    func withWeights<Result>(_ body: (Weights) -> Result) -> Result {
        // An empty model has no entries; one padding element keeps the pointer valid.
        let entries = entries.isEmpty ? [Entry(label: 0, weight: 0)] : entries
        return entries.withUnsafeBufferPointer { entries in body(Weights(entries: entries.baseAddress!)) }
    }

    @inline(__always)
    func addScores(_ features: [UInt64], into scores: inout [Float]) {
        withWeights { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                for feature in features {
                    guard let row = rows.row(feature) else { continue }
                    weights.addRow(row, into: scores.baseAddress!)
                }
            }
        }
    }

    func allowed(_ label: Int, after previous: Int) -> Bool {
        allowedAfter[previous * labels.count + label]
    }

    // MARK: serialisation

    /// Columns, each read with one copy: labels, then the row count, the feature hashes
    /// (in the order of their home slots in the loader's table, then by value: the file is
    /// the same for the same weights, and loading fills the table sequentially), each row's entry count,
    /// the entries' labels and their weights.
    private static let magic = Array("GLNER2\n".utf8)

    public func serialized() -> [UInt8] {
        var bytes = Self.magic
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        put32(UInt32(labels.count))
        for label in labels {
            put32(UInt32(label.utf8.count))
            bytes.append(contentsOf: label.utf8)
        }
        let capacity = rows.count
        let sorted = rows.entries.sorted {
            (FeatureTable.homeSlot(of: $0.key, capacity: capacity), $0.key) < (
                FeatureTable.homeSlot(of: $1.key, capacity: capacity), $1.key
            )
        }
        let spans = sorted.map { Int($0.row >> 8)..<(Int($0.row >> 8) + Int($0.row & 0xFF)) }
        put32(UInt32(spans.count))
        for entry in sorted { withUnsafeBytes(of: entry.key.littleEndian) { bytes.append(contentsOf: $0) } }
        for span in spans { bytes.append(UInt8(span.count)) }
        for span in spans { bytes.append(contentsOf: entries[span].map { UInt8($0.label) }) }
        for span in spans {
            for entry in entries[span] { put32(entry.weight.bitPattern) }
        }
        return bytes
    }

    public init(serialized bytes: [UInt8]) throws {
        var reader = ModelReader(bytes: bytes)
        guard reader.take(Self.magic.count).elementsEqual(Self.magic) else {
            throw FormatError(description: "not a Gleaner NER model (version 2)")
        }
        let labelCount = Int(try reader.uint32())
        guard labelCount > 0, labelCount < 256 else { throw FormatError(description: "bad label count \(labelCount)") }
        var labels: [String] = []
        for _ in 0..<labelCount {
            let length = Int(try reader.uint32())
            labels.append(String(decoding: try reader.bytes(length), as: UTF8.self))
        }
        let rowCount = Int(try reader.uint32())
        let hashes = try reader.uint64s(rowCount)
        let counts = try reader.bytes(rowCount)
        var starts = [Int32](repeating: 0, count: rowCount + 1)
        for row in 0..<rowCount { starts[row + 1] = starts[row] + Int32(counts[counts.startIndex + row]) }
        let entryCount = Int(starts[rowCount])
        let entryLabels = try reader.bytes(entryCount)
        guard entryLabels.allSatisfy({ Int($0) < labelCount }) else { throw FormatError(description: "entry label out of range") }
        let weightBytes = try reader.bytes(entryCount * 4)
        // Label and weight columns zipped into entries in one pass over both.
        let entries = [Entry](unsafeUninitializedCapacity: entryCount) { buffer, count in
            weightBytes.withUnsafeBytes { weights in
                for (index, label) in entryLabels.enumerated() {
                    let bits = UInt32(littleEndian: weights.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                    buffer[index] = Entry(label: UInt32(label), weight: Float(bitPattern: bits))
                }
            }
            count = entryCount
        }
        self.init(labels: labels, hashes: hashes, rowStarts: starts, entries: entries)
    }
}

/// Little-endian reads over a model file's bytes, each checked against the end.
private struct ModelReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        let end = min(offset + count, bytes.count)
        defer { offset = end }
        return bytes[offset..<end]
    }

    mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else {
            throw EntityTaggerModel.FormatError(description: "truncated NER model")
        }
        return take(count)
    }

    mutating func uint32() throws -> UInt32 {
        let slice = try bytes(4)
        return slice.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    }

    /// `count` little-endian 64-bit values, copied in one pass.
    mutating func uint64s(_ count: Int) throws -> [UInt64] {
        let slice = try bytes(count * 8)
        return slice.withUnsafeBytes { raw in
            (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }
}

/// The model file: one or more tagger stages, each a serialised `EntityTaggerModel`.
public enum EntityTaggerModelFile {
    private static let magic = Array("GLNERS\n".utf8)

    public static func serialize(_ stages: [EntityTaggerModel]) -> [UInt8] {
        var bytes = magic
        for stage in stages {
            let body = stage.serialized()
            withUnsafeBytes(of: UInt64(body.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: body)
        }
        return bytes
    }

    public static func deserialize(_ bytes: [UInt8]) throws -> [EntityTaggerModel] {
        guard bytes.starts(with: magic) else { return [try EntityTaggerModel(serialized: bytes)] }
        var offset = magic.count
        var stages: [EntityTaggerModel] = []
        while offset + 8 <= bytes.count {
            var length = 0
            for shift in 0..<8 { length |= Int(bytes[offset + shift]) << (8 * shift) }
            offset += 8
            guard length >= 0, offset + length <= bytes.count else {
                throw EntityTaggerModel.FormatError(description: "truncated model file")
            }
            stages.append(try EntityTaggerModel(serialized: Array(bytes[offset..<(offset + length)])))
            offset += length
        }
        guard !stages.isEmpty else { throw EntityTaggerModel.FormatError(description: "model file holds no stage") }
        return stages
    }
}
