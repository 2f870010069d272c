/// Which extractor produced a record, so results can be reprocessed when it changes.
public struct ExtractorInfo: Sendable, Equatable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    var json: JSONValue {
        .object([JSONMember("name", .string(name)), JSONMember("version", .string(version))])
    }
}

/// One output record (CONTRACT.md "Output: one result per document").
public struct ExtractionResult: Sendable, Equatable {
    /// Where `publishedAt` came from. `estimated` is never a date the document gave: it was
    /// inferred from the text (see `publishedAtEvidence`).
    public enum DateSource: String, Sendable {
        case input, dateline, html, estimated
    }

    public var id: String
    public var url: String?
    public var source: String?
    public var metadata: JSONValue?
    public var contentType: InputDocument.ContentType
    public var title: String?
    public var text: String
    /// The publication date, normalized; the reference for relative dates.
    public var reference: ReferenceDate?
    public var publishedAtSource: DateSource?
    /// The words an estimated date was read from, and how it was read.
    public var publishedAtEvidence: Mention?
    public var publishedAtEvidenceKind: ReferenceEstimate.Kind?
    /// What could not be read as given ("publishedAt" in a form no parser knows), kept with the raw value.
    public var warnings: [RecordWarning] = []
    public var language: String
    public var entities: [Entity]
    public var quotes: [Quote]
    public var timex: [Timex]
    public var extractor: ExtractorInfo
    /// The wire dateline, with its place resolved to an entity where one was found.
    public var dateline: Dateline?
    public var datelineEntity: String?
    /// What an HTML page said about itself; nil for plain text.
    public var page: ReadPage?

    public init(
        document: InputDocument, title: String?, text: String, publishedAt: String?,
        publishedAtSource: DateSource?, language: String, entities: [Entity] = [], quotes: [Quote] = [],
        timex: [Timex] = [], extractor: ExtractorInfo
    ) {
        id = document.id
        url = document.url
        source = document.source
        metadata = document.metadata
        contentType = document.contentType
        self.title = title
        self.text = text
        reference = publishedAt.flatMap { ReferenceDateParser.parse($0)?.date }
        self.publishedAtSource = reference == nil ? nil : publishedAtSource
        self.language = language
        self.entities = entities
        self.quotes = quotes
        self.timex = timex
        self.extractor = extractor
    }

    /// RFC 3339: a full date, or a date-time with its offset (ReferenceDate.rfc3339). Setting a
    /// string parses it; an unreadable one leaves no date.
    public var publishedAt: String? {
        get { reference?.rfc3339 }
        set { reference = newValue.flatMap { ReferenceDateParser.parse($0)?.date } }
    }

    private var evidenceJSON: JSONValue {
        guard let publishedAtEvidence else { return .null }
        return .object([
            JSONMember("start", .int(publishedAtEvidence.start)), JSONMember("end", .int(publishedAtEvidence.end)),
            JSONMember("text", .string(publishedAtEvidence.text)),
            JSONMember("kind", publishedAtEvidenceKind.map { .string($0.rawValue) } ?? .null),
        ])
    }

    private var datelineJSON: JSONValue {
        guard let dateline else { return .null }
        return .object([
            JSONMember(
                "location",
                .object([
                    JSONMember("name", .string(dateline.location)),
                    JSONMember("entity", datelineEntity.map(JSONValue.string) ?? .null),
                    JSONMember("start", .int(dateline.start)), JSONMember("end", .int(dateline.end)),
                ])),
            JSONMember("date", dateline.date.map(JSONValue.string) ?? .null),
            JSONMember("agency", dateline.agency.map(JSONValue.string) ?? .null),
        ])
    }

    /// `id` comes first on purpose: the sink rebuilds its set of written ids at start-up
    /// by reading only the head of each line. `contentSignature` comes last, also for the
    /// sink: it reads the sketch from the tail of the line without parsing the record.
    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("url", url.map(JSONValue.string) ?? .null),
            JSONMember("source", source.map(JSONValue.string) ?? .null),
            JSONMember("contentType", .string(contentType.rawValue)),
            JSONMember("title", title.map(JSONValue.string) ?? .null),
            JSONMember("text", .string(text)),
            JSONMember("publishedAt", publishedAt.map(JSONValue.string) ?? .null),
            JSONMember("publishedAtSource", publishedAtSource.map { .string($0.rawValue) } ?? .null),
            JSONMember("publishedAtUtc", reference.map { .string($0.utc) } ?? .null),
            JSONMember("publishedAtPrecision", reference.map { .string($0.precision.rawValue) } ?? .null),
            JSONMember("publishedAtEvidence", evidenceJSON),
            JSONMember("language", .string(language)),
            JSONMember("dateline", datelineJSON),
            JSONMember("page", page?.json ?? .null),
            JSONMember("entities", .array(entities.map(\.json))),
            JSONMember("quotes", .array(quotes.map(\.json))),
            JSONMember("timex", .array(timex.map(\.json))),
            JSONMember("extractor", extractor.json),
            JSONMember("warnings", .array(warnings.map(\.json))),
            JSONMember("metadata", metadata ?? .null),
            JSONMember("contentSignature", ContentSignature(text: text).map { .string($0.hex) } ?? .null),
        ])
    }
}
