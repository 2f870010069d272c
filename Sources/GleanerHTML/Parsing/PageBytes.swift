#if canImport(Glibc)
import Glibc
#endif

/// A page that arrives as bytes (an .html file, not a JSON record) decoded the way a
/// browser would: a byte-order mark first, then valid UTF-8 as such, then the charset
/// the page declares in its first few kilobytes, then Windows-1252, the web's
/// de-facto default for undeclared pages. Never fails: undecodable bytes become U+FFFD.
public enum PageBytes {
    /// Browsers look for a `<meta charset>` in the first 1,024 bytes; pages in the wild
    /// sometimes put it later, after long comments.
    private static let sniffLength = 4096

    public static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let charset = declaredCharset(bytes.prefix(sniffLength)), let text = convert(bytes, from: charset) {
            return text
        }
        return windows1252(bytes)
    }

    /// The value of `charset=` in the page's head, lowercased.
    static func declaredCharset(_ head: ArraySlice<UInt8>) -> String? {
        let lowered = head.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        return lowered.withUnsafeBufferPointer { buffer -> String? in
            var start = 0
            while let end = ByteSearch.end(of: Array("charset=".utf8), in: buffer, from: start) {
                var position = end
                while position < buffer.count, buffer[position] == 0x22 || buffer[position] == 0x27 { position += 1 }
                var name: [UInt8] = []
                while position < buffer.count, name.count < 40 {
                    let byte = buffer[position]
                    guard
                        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
                            || byte == 0x3A || byte == 0x2E
                    else { break }
                    name.append(byte)
                    position += 1
                }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                start = end
            }
            return nil
        }
    }

    /// Through glibc's iconv, which knows every charset pages declare.
    private static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        // Pages that say latin-1 mean Windows-1252 (the WHATWG encoding standard).
        let name = ["iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"].contains(charset) ? "WINDOWS-1252" : charset
        let converter = iconv_open("UTF-8", name)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int? in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                while inLeft > 0 {
                    var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                    var outOptional: UnsafeMutablePointer<CChar>? = outPointer
                    if iconv(converter, &inOptional, &inLeft, &outOptional, &outLeft) == -1 {
                        guard errno == EILSEQ || errno == EINVAL, inLeft > 0, outLeft >= 3 else { return nil }
                        // An invalid byte becomes U+FFFD and decoding goes on.
                        inOptional = inOptional! + 1
                        inLeft -= 1
                        for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                            outOptional!.pointee = CChar(bitPattern: byte)
                            outOptional = outOptional! + 1
                        }
                        outLeft -= 3
                    }
                    inPointer = inOptional!
                    outPointer = outOptional!
                }
                return outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output.prefix(produced), as: UTF8.self)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252 by table: 0x80–0x9F are its own letters and marks, the rest is Latin-1.
    static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
            0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
            0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
