import GleanerCore
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

    /// The id the pipeline would give the record, as clients/python's document_id.
    @Test func withoutAStringIdTheIdThePipelineGivesDecides() {
        let noID = Array(#"{"content":"no id here"}"#.utf8)
        #expect(BrokerShard.documentID(of: noID) == SHA256.hex("no id here".utf8))
        let nullID = Array(#"{"id":null,"content":"no id here"}"#.utf8)
        #expect(BrokerShard.documentID(of: nullID) == SHA256.hex("no id here".utf8))
        for raw in [#"{"id":42,"content":"numeric id"}"#, #"{"id":"x"#, "[1, 2]", #"{"content":7}"#] {
            #expect(BrokerShard.documentID(of: Array(raw.utf8)) == SHA256.hex(Array(raw.utf8)))
        }
        let expected = Int(BrokerShard.fnv1a64(Array(SHA256.hex("no id here".utf8).utf8)) % 7)
        #expect(BrokerShard.index(of: noID, brokers: 7) == expected)
        #expect(BrokerShard.index(of: Array("anything".utf8), brokers: 1) == 0)
    }
}
