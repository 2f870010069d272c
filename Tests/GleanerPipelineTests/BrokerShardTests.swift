import Testing

@testable import GleanerPipeline

/// The document-to-broker rule every client must compute the same way (docs/protocol.md).
@Suite struct BrokerShardTests {
    @Test func fnv1a64MatchesTheReferenceVectors() {
        #expect(BrokerShard.fnv1a64([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(BrokerShard.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(BrokerShard.fnv1a64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test func theIdDecidesWhateverElseTheRecordHolds() {
        let first = Array(#"{"id":"Zürich-7","content":"one text"}"#.utf8)
        let second = Array(#"{"content":"another text", "source":"x", "id":"Zürich-7"}"#.utf8)
        let expected = Int(BrokerShard.fnv1a64(Array("Zürich-7".utf8)) % 5)
        #expect(BrokerShard.index(of: first, brokers: 5) == expected)
        #expect(BrokerShard.index(of: second, brokers: 5) == expected)
    }

    @Test func withoutAStringIdTheRawBytesDecide() {
        for raw in [#"{"content":"no id here"}"#, #"{"id":42,"content":"numeric id"}"#, #"{"id":"","content":"x"}"#, "not json"] {
            let bytes = Array(raw.utf8)
            #expect(BrokerShard.index(of: bytes, brokers: 7) == Int(BrokerShard.fnv1a64(bytes) % 7))
        }
        #expect(BrokerShard.index(of: Array("anything".utf8), brokers: 1) == 0)
    }
}
