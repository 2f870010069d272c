import GleanerCore
import GleanerResources
import Testing

/// A story written for a test, extracted once with the standard models, with its quotes
/// found by their exact words.
struct ExtractedStory {
    let result: ExtractionResult

    init(_ story: String) throws {
        result = try StandardModels.standardExtractor().extract(InputDocument(content: story))
    }

    func quote(_ text: String) throws -> Quote {
        try #require(result.quotes.first { $0.text == text }, "no quote \(text); got \(result.quotes.map(\.text))")
    }

    /// The entity with this canonical name.
    func entity(_ name: String) throws -> Entity {
        try #require(
            result.entities.first { $0.name == name }, "no entity \(name) in \(result.entities.map { "\($0.name)/\($0.type)" })")
    }

    /// The words a speaker's offsets point at, which is where the report writes its subject.
    func written(_ speaker: Quote.Speaker?) throws -> String {
        let speaker = try #require(speaker)
        let scalars = Array(result.text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[speaker.start..<speaker.end]))
    }
}
