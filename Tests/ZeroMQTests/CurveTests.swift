import Foundation
import Synchronization
import Testing

@testable import ZeroMQ

@Suite struct CurveTests {
    @Test func keyPairsAreZ85AndThePublicHalfFollowsFromTheSecret() throws {
        #expect(CurveKeyPair.isSupported)
        let keys = try CurveKeyPair.generate()
        #expect(Z85.isKey(keys.publicKey) && Z85.isKey(keys.secretKey))
        #expect(try CurveKeyPair(secretKey: keys.secretKey) == keys)
        #expect(try CurveKeyPair.generate() != keys)
        let bytes = try #require(Z85.decode(keys.publicKey))
        #expect(bytes.count == 32)
        #expect(Z85.encode(bytes) == keys.publicKey)
        #expect(throws: ZMQError.self) { try CurveKeyPair(secretKey: "not a key") }
    }

    @Test func theZAPHandlerLetsInOnlyAllowedKeysAndSeesEveryRefusal() throws {
        let context = try Context()
        defer { context.terminate() }
        let server = try CurveKeyPair.generate()
        let allowed = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let refused = Refusals()
        let handler = try ZAPHandler(context: context) { request in
            guard request.mechanism == "CURVE", request.curvePublicKey == allowed.publicKey else {
                refused.keys.withLock { $0.append(request.curvePublicKey ?? "") }
                return "unknown key"
            }
            return nil
        }
        defer { handler.stop() }
        let pull = try Socket(context, .pull, linger: 0)
        try pull.set(.curveServer(true))
        try pull.set(.curveSecretKey(server.secretKey))
        try pull.set(.zapDomain("test"))
        try pull.bind("tcp://127.0.0.1:*")
        func client(_ keys: CurveKeyPair) throws -> Socket {
            let push = try Socket(context, .push, linger: 0)
            try push.set(.curveServerKey(server.publicKey))
            try push.set(.curvePublicKey(keys.publicKey))
            try push.set(.curveSecretKey(keys.secretKey))
            try push.connect(pull.lastEndpoint)
            return push
        }
        let intruder = try client(stranger)
        let friend = try client(allowed)
        defer {
            intruder.close()
            friend.close()
            pull.close()
        }
        // Queued before any handshake: a refused peer's messages must never be delivered.
        #expect(try intruder.send([Array("from the stranger".utf8)], dontWait: true))
        #expect(try friend.send([Array("from the friend".utf8)]))
        try pull.set(.receiveTimeout(milliseconds: 5000))
        #expect(try pull.receive() == [Array("from the friend".utf8)])
        for _ in 0..<500 where refused.keys.withLock({ $0.isEmpty }) { usleep(10_000) }
        #expect(refused.keys.withLock { $0 }.contains(stranger.publicKey))
        #expect(try pull.receive(dontWait: true) == nil)
    }
}

private final class Refusals: Sendable {
    let keys = Mutex<[String]>([])
}
