import Foundation
import GleanerCore
import GleanerHTML

/// Loads the data files the extraction core needs from this target's bundled
/// resources, once per process. The core itself never touches files; this is the
/// one place that does.
public enum StandardModels {
    public struct MissingResource: Error, CustomStringConvertible {
        public let description: String
    }

    private static func bytes(_ name: String, _ extension: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: `extension`) else {
            throw MissingResource(description: "resource \(name).\(`extension`) is missing from the GleanerResources bundle")
        }
        return try Data(contentsOf: url)
    }

    /// The pre-built index, not gazetteer.tsv: parsing the TSV took most of a second
    /// of every start (see Resources/README.md).
    private static let loadedGazetteer: Result<Gazetteer, any Error> = Result {
        try Gazetteer(index: Array(try bytes("gazetteer", "idx")))
    }

    private static let loadedTagger: Result<[EntityTaggerModel], any Error> = Result {
        try EntityTaggerModelFile.deserialize(Array(try bytes("ner-model", "bin")))
    }

    public static func gazetteer() throws -> Gazetteer { try loadedGazetteer.get() }
    public static func entityTaggerStages() throws -> [EntityTaggerModel] { try loadedTagger.get() }
}

extension StandardModels {
    /// The extractor every process runs: the full core with the bundled models and the
    /// libxml2 page reader.
    public static func standardExtractor() throws -> StandardExtractor {
        StandardExtractor(taggerStages: try entityTaggerStages(), gazetteer: try gazetteer(), pageReader: HTMLPageReader())
    }
}
