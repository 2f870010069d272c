import Testing

@testable import GleanerCore

@Suite struct JSONTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func keepsMemberOrderAndNumberLiterals() throws {
        let value = try parse(#"{"z": 1, "a": 12345678901234567890123, "m": -0.5e+10, "t": [true, false, null]}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m", "t"])
        #expect(value["a"] == .number("12345678901234567890123"))
        #expect(value["m"] == .number("-0.5e+10"))
        #expect(value["t"] == .array([.bool(true), .bool(false), .null]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00\ud800x""#)
        #expect(value == .string("a\"b\\c/d\n\té😀\u{FFFD}x"))
    }

    @Test(arguments: [
        "", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "-", "\"unterminated", "\"bad \\q escape\"",
        "{\"a\":1}x", "\"control \u{01} char\"", "[1 2]", "{'single': 1}", "NaN",
    ])
    func rejectsMalformedInputWithAPosition(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func refusesDeepNestingInsteadOfOverflowingTheStack() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? parse(fine)) != nil)
    }

    @Test func writerRoundTripsEveryKindOfValue() throws {
        let value = JSONValue.object([
            JSONMember("text", .string("line\none \"quoted\" \\ tab\t ctrl\u{01} ünïcödé 北京")),
            JSONMember("n", .number("-12.5e3")),
            JSONMember("list", .array([.null, .bool(true), .object([]), .array([])])),
        ])
        let compact = JSONWriter.encode(value)
        #expect(!compact.contains(0x0A), "a JSON Lines record must not contain a raw newline")
        #expect(try JSONParser.parse(compact) == value)
        #expect(try JSONParser.parse(JSONWriter.encode(value, pretty: true)) == value)
    }
}

@Suite struct EncodingTests {
    @Test func sha256MatchesTheFIPSVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func base64MatchesRFC4648() {
        let vectors = [
            "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy",
        ]
        for (plain, encoded) in vectors { #expect(Base64.encode(Array(plain.utf8)) == encoded) }
        #expect(Base64.encode([0xFF, 0xFE, 0x00]) == "//4A")
    }
}
