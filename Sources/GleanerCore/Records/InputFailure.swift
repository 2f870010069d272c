/// Why an input could not be processed: the `error.code` of an error record.
public enum FailureCode: String, Sendable, CaseIterable {
    case invalidUTF8 = "invalid_utf8"
    case invalidJSON = "invalid_json"
    case notAnObject = "not_an_object"
    case missingContent = "missing_content"
    case contentNotString = "content_not_string"
    case emptyContent = "empty_content"
    case tooLarge = "too_large"
    case maxAttemptsExceeded = "max_attempts_exceeded"
    case extractionFailed = "extraction_failed"
}

public struct InputFailure: Error, Sendable, Equatable {
    public var code: FailureCode
    public var message: String
    /// The upstream id when one could be read, else the SHA-256 of the raw bytes, so a
    /// redelivered bad input is recognised as the same one.
    public var id: String

    public init(code: FailureCode, message: String, id: String) {
        self.code = code
        self.message = message
        self.id = id
    }
}
