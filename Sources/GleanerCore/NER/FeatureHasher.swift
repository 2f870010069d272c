/// Feature names as 64-bit FNV-1a hashes of a template number and its values, so
/// extracting a feature allocates nothing and the model needs no string table.
struct FeatureHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(_ template: UInt8) {
        mix(template)
    }

    /// Continues from a state saved from `value`.
    init(state: UInt64) {
        value = state
    }

    /// Hashes like `mix(String(decoding: bytes, as: UTF8.self))`.
    @inline(__always)
    mutating func mix(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var state = value
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        value = state
        mix(0xFF)
    }

    @inline(__always)
    mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func mix(_ text: String) {
        var copy = text
        copy.withUTF8 { for byte in $0 { mix(byte) } }
        mix(0xFF)
    }

    /// Hashes like `mix(String(scalars))` without building the string.
    mutating func mix(scalars: ArraySlice<Unicode.Scalar>) {
        for scalar in scalars {
            if scalar.value < 0x80 {
                mix(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { mix($0) }
            }
        }
        mix(0xFF)
    }

    mutating func mix(_ number: Int) {
        var remaining = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            mix(UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
    }

    static func of(_ template: UInt8, _ text: String) -> UInt64 {
        var hash = FeatureHash(template)
        hash.mix(text)
        return hash.value
    }

    static func of(_ template: UInt8, _ first: String, _ second: String) -> UInt64 {
        var hash = FeatureHash(template)
        hash.mix(first)
        hash.mix(second)
        return hash.value
    }
}
