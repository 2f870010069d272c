extension StringProtocol {
    /// Trims Unicode whitespace (not just ASCII), working on scalars rather than Characters.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension String {
    /// `lowercased()`, returning the string itself when it is ASCII without capitals and
    /// mapping A-Z byte by byte when it is ASCII with them (what `lowercased()` does
    /// for ASCII); other text goes to `lowercased()`.
    @inline(__always)
    func lowercasedASCIIFast() -> String {
        var copy = self
        let state: Int = copy.withUTF8 { bytes in
            var upper = false
            for byte in bytes {
                if byte >= 0x80 { return 2 }
                if byte &- 0x41 < 26 { upper = true }
            }
            return upper ? 1 : 0
        }
        switch state {
        case 0: return self
        case 1:
            return copy.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { buffer in
                    for (offset, byte) in bytes.enumerated() { buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
                    return bytes.count
                }
            }
        default: return lowercased()
        }
    }
}
