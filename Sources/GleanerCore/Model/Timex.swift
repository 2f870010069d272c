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
        ])
    }
}

extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
}
