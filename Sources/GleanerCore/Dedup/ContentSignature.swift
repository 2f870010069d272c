/// A MinHash sketch of a text's word 3-shingles: 128 minima, each under its own hash
/// function (an odd multiply and an add over the shingle's 64-bit hash), of which the
/// low 16 bits are kept (b-bit MinHash). The share of equal
/// positions between two sketches estimates the Jaccard similarity of the two shingle
/// sets (standard error about 0.03 near 0.8), which is what "the same story, lightly
/// edited" means: a changed headline, a paragraph dropped or added, boilerplate.
///
/// Words are read from UTF-8 bytes: runs of ASCII letters and digits (lower-cased) and
/// of non-ASCII bytes; everything else separates them. No Unicode tables, so the
/// sketch of a text is the same on every machine and every version of Swift.
public struct ContentSignature: Sendable, Equatable {
    public static let size = 128
    public static let shingleWords = 3
    /// LSH layout for a sink's index: 20 bands of 6 values find pairs at Jaccard 0.8
    /// with probability 0.998 and pairs at 0.3 with probability 0.015.
    public static let bands = 20
    public static let rowsPerBand = 6

    public private(set) var values: [UInt16]

    public init(values: [UInt16]) {
        precondition(values.count == Self.size)
        self.values = values
    }

    /// Nil for a text without a single word: it has nothing to compare.
    public init?(text: String) {
        var text = text
        let words = text.withUTF8 { Self.wordHashes(UnsafeRawBufferPointer($0)) }
        guard !words.isEmpty else { return nil }
        var minima = [UInt64](repeating: .max, count: Self.size)
        minima.withUnsafeMutableBufferPointer { minima in
            Self.multipliers.withUnsafeBufferPointer { multipliers in
                Self.increments.withUnsafeBufferPointer { increments in
                    let width = min(Self.shingleWords, words.count)
                    for start in 0...(words.count - width) {
                        var shingle: UInt64 = 0
                        for word in words[start..<(start + width)] { shingle = FastHash.mix(shingle ^ word) }
                        // The shingle is already a well-mixed hash, so one multiply-add per
                        // position is permutation enough: the high bits decide the minimum.
                        for position in 0..<Self.size {
                            let value = shingle &* multipliers[position] &+ increments[position]
                            if value < minima[position] { minima[position] = value }
                        }
                    }
                }
            }
        }
        values = minima.map { UInt16(truncatingIfNeeded: $0) }
    }

    /// 512 lower-case hex digits, four per value.
    public init?(hex: ArraySlice<UInt8>) {
        guard hex.count == Self.size * 4 else { return nil }
        var values = [UInt16](repeating: 0, count: Self.size)
        let valid = hex.withUnsafeBufferPointer { digits in
            Self.hexValues.withUnsafeBufferPointer { table in
                var invalid: UInt16 = 0
                for position in 0..<Self.size {
                    var value: UInt16 = 0
                    for offset in 0..<4 {
                        let digit = table[Int(digits[position * 4 + offset])]
                        invalid |= digit & 0x100
                        value = value << 4 | (digit & 0xF)
                    }
                    values[position] = value
                }
                return invalid == 0
            }
        }
        guard valid else { return nil }
        self.values = values
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.size * 4)
        for value in values {
            for shift in stride(from: 12, through: 0, by: -4) { bytes.append(digits[Int(value >> UInt16(shift) & 0xF)]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func estimatedJaccard(_ other: ContentSignature) -> Double {
        var equal = 0
        for position in 0..<Self.size where values[position] == other.values[position] { equal += 1 }
        return Double(equal) / Double(Self.size)
    }

    /// One key per band (never zero, distinct across bands): two sketches that share a
    /// key agree on all of that band's values.
    public var bandKeys: [UInt64] {
        (0..<Self.bands).map { band in
            var key = UInt64(band) &* 0xA076_1D64_78BD_642F
            for row in 0..<Self.rowsPerBand { key = FastHash.mix(key ^ UInt64(values[band * Self.rowsPerBand + row])) }
            return key | 1
        }
    }

    private static let multipliers: [UInt64] = (0..<size).map { FastHash.mix(UInt64($0) &+ 0x5851_F42D_4C95_7F2D) | 1 }
    private static let increments: [UInt64] = (0..<size).map { FastHash.mix(UInt64($0) &+ 0x1405_7B7E_F767_814F) }

    private static func wordHashes(_ bytes: UnsafeRawBufferPointer) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(bytes.count / 5)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false
        for byte in bytes {
            let folded: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: folded = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte | 0x20
            default:
                if inWord { words.append(hash) }
                inWord = false
                hash = 0xCBF2_9CE4_8422_2325
                continue
            }
            inWord = true
            hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
        }
        if inWord { words.append(hash) }
        return words
    }

    /// Hex digit values by byte; 0x100 marks a byte that is not a lower-case hex digit.
    private static let hexValues: [UInt16] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt16(byte) - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt16(byte) - 0x61 + 10
        default: 0x100
        }
    }
}
