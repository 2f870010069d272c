/// Turns one raw input message (bytes as they came off the wire or a file line)
/// into an `InputDocument`, or says precisely why it is bad input.
public struct RecordDecoder: Sendable {
    public static let defaultMaxBytes = 10 * 1024 * 1024

    public var maxBytes: Int

    public init(maxBytes: Int = RecordDecoder.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    public func decode(_ raw: [UInt8]) -> Result<InputDocument, InputFailure> {
        let rawID = { SHA256.hex(raw) }
        if raw.count > maxBytes {
            // Reading the upstream id is worth a parse only while the input is not absurd.
            let id = raw.count <= maxBytes * 8 ? (try? JSONParser.parse(raw))?["id"].flatMap(Self.idString) : nil
            return .failure(
                InputFailure(
                    code: .tooLarge, message: "input is \(raw.count) bytes, over the limit of \(maxBytes)",
                    id: id ?? rawID()))
        }
        guard String(validating: raw, as: UTF8.self) != nil else {
            return .failure(InputFailure(code: .invalidUTF8, message: Self.describeInvalidUTF8(raw), id: rawID()))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(raw)
        } catch {
            let message = raw.isEmpty ? "empty message" : "not JSON: \(error)"
            return .failure(InputFailure(code: .invalidJSON, message: message, id: rawID()))
        }
        guard case .object = value else {
            return .failure(InputFailure(code: .notAnObject, message: "the record must be a JSON object", id: rawID()))
        }
        let givenID = value["id"].flatMap(Self.idString)
        guard let contentValue = value["content"] else {
            return .failure(InputFailure(code: .missingContent, message: "no \"content\" field", id: givenID ?? rawID()))
        }
        guard case .string(let content) = contentValue else {
            return .failure(
                InputFailure(code: .contentNotString, message: "\"content\" must be a string", id: givenID ?? rawID()))
        }
        guard content.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            return .failure(
                InputFailure(
                    code: .emptyContent, message: "\"content\" is empty or only whitespace",
                    id: givenID ?? SHA256.hex(content.utf8)))
        }
        return .success(
            InputDocument(
                id: givenID,
                content: content,
                contentType: value["contentType"]?.stringValue.flatMap(Self.contentType),
                publishedAt: value["publishedAt"].flatMap(Self.publishedAtText),
                url: value["url"]?.stringValue,
                source: value["source"]?.stringValue,
                language: value["language"]?.stringValue,
                metadata: value["metadata"]
            ))
    }

    /// Ids are strings in the contract; a numeric id is kept as its literal rather than refused.
    private static func idString(_ value: JSONValue) -> String? {
        switch value {
        case .string(let id) where !id.isEmpty: id
        case .number(let literal): literal
        default: nil
        }
    }

    /// Epoch seconds come as JSON numbers too; anything else that is not null is kept as its JSON
    /// text, so the extractor warns about it rather than dropping it unseen.
    private static func publishedAtText(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .string(let text): text
        case .number(let literal): literal
        default: String(decoding: JSONWriter.encode(value), as: UTF8.self)
        }
    }

    private static func contentType(_ declared: String) -> InputDocument.ContentType? {
        let essence = declared.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
        switch essence {
        case "text/html", "application/xhtml+xml": return .html
        case "text/plain": return .plainText
        default: return nil
        }
    }

    private static func describeInvalidUTF8(_ raw: [UInt8]) -> String {
        var decoder = UTF8()
        var iterator = raw.makeIterator()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: break loop
            case .error: return "input is not valid UTF-8 (first bad byte near offset \(offset))"
            }
        }
        return "input is not valid UTF-8"
    }
}
