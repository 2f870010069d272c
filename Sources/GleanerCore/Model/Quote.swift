/// Reported speech with its resolved speaker (CONTRACT.md `quotes[]`).
public struct Quote: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case direct, partial, indirect
    }

    /// What the cue reports: words (`said`), a belief (`thinks`), a plan (`wants to`) or
    /// a stand taken (`attacked`, `endorsed`); an extension of the contract.
    public enum Act: String, Sendable {
        case speech, belief, intention, stance
    }

    public struct Speaker: Sendable, Equatable {
        public var name: String
        public var entity: String?
        public var start: Int
        public var end: Int

        public init(name: String, entity: String?, start: Int, end: Int) {
            self.name = name
            self.entity = entity
            self.start = start
            self.end = end
        }
    }

    public var text: String
    public var start: Int
    public var end: Int
    public var kind: Kind
    public var cue: String?
    public var speaker: Speaker?
    /// The reported clause a partial quote's words stand in ("that the plan was “a
    /// scandal.”"), marks included; an extension of the contract, null elsewhere.
    public var clause: Mention?
    public var act: Act

    public init(
        text: String, start: Int, end: Int, kind: Kind, cue: String?, speaker: Speaker?, clause: Mention? = nil,
        act: Act = .speech
    ) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.cue = cue
        self.speaker = speaker
        self.clause = clause
        self.act = act
    }

    var json: JSONValue {
        let speakerJSON: JSONValue =
            speaker.map {
                .object([
                    JSONMember("name", .string($0.name)),
                    JSONMember("entity", $0.entity.map(JSONValue.string) ?? .null),
                    JSONMember("start", .int($0.start)),
                    JSONMember("end", .int($0.end)),
                ])
            } ?? .null
        return .object([
            JSONMember("text", .string(text)),
            JSONMember("start", .int(start)),
            JSONMember("end", .int(end)),
            JSONMember("kind", .string(kind.rawValue)),
            JSONMember("cue", cue.map(JSONValue.string) ?? .null),
            JSONMember("speaker", speakerJSON),
            JSONMember("clause", clause?.json ?? .null),
            JSONMember("act", .string(act.rawValue)),
        ])
    }
}
