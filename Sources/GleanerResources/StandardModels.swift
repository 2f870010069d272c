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

    /// A resource's bytes, read straight into an array: going through `Data` copied the
    /// 18 MB tagger model a second time at every start.
    private static func bytes(_ name: String, _ extension: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: `extension`) else {
            throw MissingResource(description: "resource \(name).\(`extension`) is missing from the GleanerResources bundle")
        }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        let descriptor = handle.fileDescriptor
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                guard got > 0 else { throw MissingResource(description: "resource \(name).\(`extension`) could not be read") }
                count += got
            }
        }
    }

    /// The pre-built index, not gazetteer.tsv: parsing the TSV took most of a second
    /// of every start (see Resources/README.md).
    private static let loadedGazetteer: Result<Gazetteer, any Error> = Result {
        try Gazetteer(index: try bytes("gazetteer", "idx"))
    }

    private static let loadedTagger: Result<[EntityTaggerModel], any Error> = Result {
        try EntityTaggerModelFile.deserialize(try bytes("ner-model", "bin"))
    }

    /// The speaker ranker's weights (Resources/README.md). `GLEANER_SPEAKER_RANKER=off`
    /// leaves it out: its training data is the rules' output without it.
    private static let loadedSpeakerRanker: Result<SpeakerRanker?, any Error> = Result {
        if ProcessInfo.processInfo.environment["GLEANER_SPEAKER_RANKER"] == "off" { return nil }
        return SpeakerRanker(tsv: String(decoding: try bytes("speaker-ranker", "tsv"), as: UTF8.self))
    }

    /// The page reader's block model (Resources/README.md). `GLEANER_PAGE_BLOCKS=off`
    /// leaves it out, so the template rules alone decide (for measuring what it adds).
    private static let loadedPageBlockModel: Result<PageBlockModel?, any Error> = Result {
        if ProcessInfo.processInfo.environment["GLEANER_PAGE_BLOCKS"] == "off" { return nil }
        return PageBlockModel(tsv: String(decoding: try bytes("page-blocks", "tsv"), as: UTF8.self))
    }

    public static func gazetteer() throws -> Gazetteer { try loadedGazetteer.get() }
    public static func speakerRanker() throws -> SpeakerRanker? { try loadedSpeakerRanker.get() }
    public static func entityTaggerStages() throws -> [EntityTaggerModel] { try loadedTagger.get() }
    public static func pageBlockModel() throws -> PageBlockModel? { try loadedPageBlockModel.get() }

    /// The libxml2 page reader with the bundled block model.
    public static func pageReader() throws -> HTMLPageReader { HTMLPageReader(blockModel: try pageBlockModel()) }
}

extension StandardModels {
    /// The extractor every process runs: the full core with the bundled models and the
    /// libxml2 page reader.
    public static func standardExtractor() throws -> StandardExtractor {
        StandardExtractor(
            taggerStages: try entityTaggerStages(), gazetteer: try gazetteer(), pageReader: try pageReader(),
            speakerRanker: try speakerRanker())
    }
}
