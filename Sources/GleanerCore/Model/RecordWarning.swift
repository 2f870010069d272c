/// Something in a document that was kept but could not be read as given: the record is
/// still written, and the warning says what was set aside and holds the raw value.
public struct RecordWarning: Sendable, Equatable {
    public enum Code: String, Sendable {
        /// `publishedAt` in no form the reference-date parser reads; the record's date then comes
        /// from the document itself, or is null.
        case publishedAtUnreadable = "published_at_unreadable"
        /// A zone name that is no fixed offset ("IST" is three): the time was read as UTC.
        case publishedAtZoneUnknown = "published_at_zone_unknown"
    }

    public var code: Code
    public var message: String
    /// The input field the warning is about.
    public var field: String
    /// The raw value as it came.
    public var value: String

    public init(code: Code, message: String, field: String, value: String) {
        self.code = code
        self.message = message
        self.field = field
        self.value = value
    }

    var json: JSONValue {
        .object([
            JSONMember("code", .string(code.rawValue)), JSONMember("message", .string(message)),
            JSONMember("field", .string(field)), JSONMember("value", .string(value)),
        ])
    }
}
