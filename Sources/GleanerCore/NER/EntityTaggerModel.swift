/// The trained weights of the named-entity tagger: an averaged perceptron over hashed
/// features, one weight per (feature, label). Serialised into the package resource
/// `ner-model.bin` by `gleaner train ner`.
public struct EntityTaggerModel: Sendable {
    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    /// BIO labels: "O", "B-PER", "I-PER", ... (BILOU's L- and U- are read too).
    public let labels: [String]
    let rows: FeatureTable
    let weights: [Float]
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

    init(labels: [String], rows: [UInt64: Int32], weights: [Float]) {
        self.labels = labels
        var table = FeatureTable(capacity: rows.count)
        for (key, row) in rows { table.insert(key, row: row) }
        self.rows = table
        self.weights = weights
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

    @inline(__always)
    func addScores(_ features: [UInt64], into scores: inout [Float]) {
        let width = labels.count
        weights.withUnsafeBufferPointer { weights in
            for feature in features {
                guard let row = rows.row(feature) else { continue }
                let base = Int(row) * width
                for label in 0..<width { scores[label] += weights[base + label] }
            }
        }
    }

    func allowed(_ label: Int, after previous: Int) -> Bool {
        allowedAfter[previous * labels.count + label]
    }

    /// Adds one weight row to `scores` (`labels.count` floats); a row of -1 adds nothing.
    /// Each label's sum takes its terms in the same order as `addScores`.
    @inline(__always)
    func addRow(_ row: Int32, into scores: UnsafeMutablePointer<Float>, weights: UnsafePointer<Float>) {
        guard row >= 0 else { return }
        let width = labels.count
        let base = weights + Int(row) * width
        for label in 0..<width { scores[label] += base[label] }
    }

    // MARK: serialisation

    private static let magic = Array("GLNER1\n".utf8)

    public func serialized() -> [UInt8] {
        var bytes = Self.magic
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func put64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        put32(UInt32(labels.count))
        for label in labels {
            put32(UInt32(label.utf8.count))
            bytes.append(contentsOf: label.utf8)
        }
        put32(UInt32(rows.count))
        // Rows in hash order so the file is the same for the same weights.
        for (hash, row) in rows.entries.sorted(by: { $0.key < $1.key }) {
            put64(hash)
            for label in 0..<labels.count { put32(weights[Int(row) * labels.count + label].bitPattern) }
        }
        return bytes
    }

    public init(serialized bytes: [UInt8]) throws {
        guard bytes.starts(with: Self.magic) else { throw FormatError(description: "not a Gleaner NER model") }
        var offset = Self.magic.count
        func need(_ count: Int) throws {
            guard offset + count <= bytes.count else { throw FormatError(description: "truncated NER model") }
        }
        func read32() throws -> UInt32 {
            try need(4)
            defer { offset += 4 }
            return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        func read64() throws -> UInt64 {
            let low = UInt64(try read32())
            return low | UInt64(try read32()) << 32
        }
        let labelCount = Int(try read32())
        var labels: [String] = []
        for _ in 0..<labelCount {
            let length = Int(try read32())
            try need(length)
            labels.append(String(decoding: bytes[offset..<(offset + length)], as: UTF8.self))
            offset += length
        }
        let rowCount = Int(try read32())
        var rows: [UInt64: Int32] = [:]
        rows.reserveCapacity(rowCount)
        var weights: [Float] = []
        weights.reserveCapacity(rowCount * labelCount)
        for row in 0..<rowCount {
            rows[try read64()] = Int32(row)
            for _ in 0..<labelCount { weights.append(Float(bitPattern: try read32())) }
        }
        self.init(labels: labels, rows: rows, weights: weights)
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
