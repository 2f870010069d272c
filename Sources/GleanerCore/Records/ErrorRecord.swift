/// A dead letter (CONTRACT.md "Error records"): the failure plus the raw input, kept so
/// it can be replayed once the cause is fixed.
public struct ErrorRecord: Sendable, Equatable {
    /// Inputs longer than this keep only their head: an error file of 50 MB lines
    /// would be unreadable, and the head is enough to find the document upstream.
    public static let keptInputBytes = 1024 * 1024

    public var failure: InputFailure
    public var input: [UInt8]
    public var attempts: Int?
    public var extractor: ExtractorInfo

    public init(failure: InputFailure, input: [UInt8], attempts: Int? = nil, extractor: ExtractorInfo) {
        self.failure = failure
        self.input = input
        self.attempts = attempts
        self.extractor = extractor
    }

    public var json: JSONValue {
        var kept = input.prefix(Self.keptInputBytes)
        var encoding = "utf-8"
        var keptText: String
        if let text = String(validating: kept, as: UTF8.self) {
            keptText = text
        } else if kept.count < input.count, let text = Self.validPrefix(of: kept) {
            // Cutting at the byte limit can split a character; drop the partial tail.
            keptText = text
            kept = kept.prefix(text.utf8.count)
        } else {
            keptText = Base64.encode(kept)
            encoding = "base64"
        }
        var members = [
            JSONMember("id", .string(failure.id)),
            JSONMember(
                "error",
                .object([JSONMember("code", .string(failure.code.rawValue)), JSONMember("message", .string(failure.message))])),
            JSONMember("input", .string(keptText)),
            JSONMember("inputEncoding", .string(encoding)),
            JSONMember("inputBytes", .int(input.count)),
            JSONMember("inputTruncated", .bool(kept.count < input.count)),
        ]
        if let attempts { members.append(JSONMember("attempts", .int(attempts))) }
        members.append(JSONMember("extractor", extractor.json))
        return .object(members)
    }

    private static func validPrefix(of bytes: ArraySlice<UInt8>) -> String? {
        for cut in 1...3 where bytes.count > cut {
            if let text = String(validating: bytes.dropLast(cut), as: UTF8.self) { return text }
        }
        return nil
    }
}
