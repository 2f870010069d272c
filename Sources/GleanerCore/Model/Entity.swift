/// A span of `text`, in Unicode code points (Python `str` indices), `end` exclusive.
public struct Mention: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    var json: JSONValue {
        .object([JSONMember("start", .int(start)), JSONMember("end", .int(end)), JSONMember("text", .string(text))])
    }
}

/// One real-world entity of a document, all its mentions clustered (CONTRACT.md `entities[]`).
public struct Entity: Sendable, Equatable {
    public var id: String
    public var type: String
    public var name: String
    public var aliases: [String]
    public var mentions: [Mention]
    public var titles: [String]
    public var country: String?
    /// The organization a person speaks for ("NATO" for its Secretary General).
    public var affiliation: String?
    /// Where a place is, from the gazetteer.
    public var coordinates: (latitude: Double, longitude: Double)?

    public static func == (left: Entity, right: Entity) -> Bool {
        left.id == right.id && left.type == right.type && left.name == right.name && left.aliases == right.aliases
            && left.mentions == right.mentions && left.titles == right.titles && left.country == right.country
            && left.affiliation == right.affiliation && left.coordinates?.latitude == right.coordinates?.latitude
            && left.coordinates?.longitude == right.coordinates?.longitude
    }

    public init(
        id: String, type: String, name: String, aliases: [String] = [], mentions: [Mention] = [],
        titles: [String] = [], country: String? = nil, affiliation: String? = nil,
        coordinates: (latitude: Double, longitude: Double)? = nil
    ) {
        self.affiliation = affiliation
        self.coordinates = coordinates
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.mentions = mentions
        self.titles = titles
        self.country = country
    }

    var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("type", .string(type)),
            JSONMember("name", .string(name)),
            JSONMember("aliases", .array(aliases.map(JSONValue.string))),
            JSONMember("mentions", .array(mentions.map(\.json))),
            JSONMember("titles", .array(titles.map(JSONValue.string))),
            JSONMember("country", country.map(JSONValue.string) ?? .null),
            JSONMember("affiliation", affiliation.map(JSONValue.string) ?? .null),
            JSONMember(
                "coordinates",
                coordinates.map {
                    .object([JSONMember("lat", .number(String($0.latitude))), JSONMember("lon", .number(String($0.longitude)))])
                } ?? .null),
        ])
    }
}
