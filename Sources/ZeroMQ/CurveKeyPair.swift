import CZeroMQ

/// A CURVE long-term key pair in Z85 text (40 characters each), made and checked by
/// libzmq itself (`zmq_curve_keypair`, `zmq_curve_public`): no cryptography of our own.
public struct CurveKeyPair: Sendable, Equatable {
    public let publicKey: String
    public let secretKey: String

    /// Whether this libzmq was built with CURVE (Debian's is, through libsodium).
    public static var isSupported: Bool { zmq_has("curve") != 0 }

    public static func generate() throws -> CurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else { throw ZMQError.last("zmq_curve_keypair") }
        return CurveKeyPair(publicKey: Z85.string(publicKey), secretKey: Z85.string(secretKey))
    }

    /// The pair whose secret half is `secretKey`; throws if it is not a Z85 key.
    public init(secretKey: String) throws {
        guard Z85.isKey(secretKey) else { throw ZMQError(code: EINVAL, operation: "CURVE secret key is not 40 Z85 characters") }
        var publicKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&publicKey, secretKey) == 0 else { throw ZMQError.last("zmq_curve_public") }
        self.init(publicKey: Z85.string(publicKey), secretKey: secretKey)
    }

    private init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }
}

/// ZeroMQ's Z85 text encoding of binary keys (RFC 32/Z85), through libzmq.
public enum Z85 {
    static let alphabet = Set(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    /// A 32-byte key as 40 Z85 characters.
    public static func isKey(_ text: String) -> Bool {
        text.utf8.count == 40 && text.utf8.allSatisfy(alphabet.contains)
    }

    public static func encode(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 4 == 0 else { return nil }
        var text = [CChar](repeating: 0, count: bytes.count * 5 / 4 + 1)
        guard zmq_z85_encode(&text, bytes, bytes.count) != nil else { return nil }
        return string(text)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 5 == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: text.utf8.count * 4 / 5)
        guard zmq_z85_decode(&bytes, text) != nil else { return nil }
        return bytes
    }

    static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
