/// A fast, non-cryptographic 64-bit hash of bytes: eight bytes per step, one multiply
/// each, then a full avalanche. For identities inside one process's own index files
/// (ids, record digests, shingles), where SHA-256 would cost more than the write.
public enum FastHash {
    /// SplitMix64's finaliser: every input bit affects every output bit.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static func hash(_ buffer: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var state = mix(seed ^ UInt64(buffer.count))
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = ((state ^ word) &* 0x9FB2_1C65_1E98_DF25).rotateLeft(29)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(state ^ tail)
    }

    public static func hash(_ bytes: ArraySlice<UInt8>, seed: UInt64) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    public static func hash(_ string: String, seed: UInt64) -> UInt64 {
        var string = string
        return string.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }
}

extension UInt64 {
    @inline(__always)
    func rotateLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
