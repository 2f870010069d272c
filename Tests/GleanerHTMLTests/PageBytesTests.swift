import Testing

@testable import GleanerHTML

@Suite struct PageBytesTests {
    private func page(charset: String, body: [UInt8]) -> [UInt8] {
        Array("<html><head><meta charset=\"\(charset)\"></head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test func utf8PassesThrough() {
        #expect(PageBytes.decode(Array("<p>Zoë — 5 €</p>".utf8)) == "<p>Zoë — 5 €</p>")
        #expect(PageBytes.decode([0xEF, 0xBB, 0xBF] + Array("<p>ok</p>".utf8)) == "<p>ok</p>")
    }

    @Test func declaredCharsetIsUsed() {
        // "Zoë paid 5 €" in ISO-8859-15, where the euro sign is 0xA4 (a currency sign in Latin-1).
        let latin9 = page(charset: "ISO-8859-15", body: [0x5A, 0x6F, 0xEB, 0x20, 0x70, 0x61, 0x69, 0x64, 0x20, 0x35, 0x20, 0xA4])
        #expect(PageBytes.decode(latin9).contains("Zoë paid 5 €"))
        #expect(PageBytes.declaredCharset(latin9[...]) == "iso-8859-15")
        // Windows-1252 curly quotes, declared as latin-1 the way many old pages do.
        let quotes = page(charset: "iso-8859-1", body: [0x93, 0x48, 0x69, 0x94])
        #expect(PageBytes.decode(quotes).contains("“Hi”"))
    }

    @Test func undeclaredNonUTF8FallsBackToWindows1252() {
        let bytes = Array("<p>caf".utf8) + [0xE9] + Array(" au lait</p>".utf8)
        #expect(PageBytes.decode(bytes) == "<p>café au lait</p>")
    }

    @Test func unknownCharsetAndUTF16() {
        #expect(PageBytes.decode(page(charset: "no-such-charset", body: [0xE9])).contains("é"))
        let littleEndian: [UInt8] = "<p>hi</p>".utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + littleEndian
        #expect(PageBytes.decode(utf16) == "<p>hi</p>")
    }
}
