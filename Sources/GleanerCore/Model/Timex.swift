/// A temporal expression with its TIMEX3 value (CONTRACT.md `timex[]`).
public struct Timex: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
    }

    public var text: String
    public var start: Int
    public var end: Int
    public var type: Kind
    /// Null where the value needs a reference date the document does not give.
    public var value: String?
    /// Where the reference date this value was resolved against came from (the record's
    /// `publishedAtSource`); nil when the value needed none ("2021-12-17", "P3Y", "PAST_REF")
    /// or has none. `estimated` marks a value computed from a date the text only implies.
    public var referenceSource: ExtractionResult.DateSource?

    public init(text: String, start: Int, end: Int, type: Kind, value: String?) {
        self.text = text
        self.start = start
        self.end = end
        self.type = type
        self.value = value
    }

    var json: JSONValue {
        .object([
            JSONMember("text", .string(text)),
            JSONMember("start", .int(start)),
            JSONMember("end", .int(end)),
            JSONMember("type", .string(type.rawValue)),
            JSONMember("value", value.map(JSONValue.string) ?? .null),
            JSONMember("referenceSource", referenceSource.map { .string($0.rawValue) } ?? .null),
        ])
    }
}

extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
}
