import Foundation
import GleanerCore
import GleanerHTML
import Synchronization

/// Loads the data files the extraction core needs from this target's bundled
/// resources, once per process. The core itself never touches files; this is the
/// one place that does.
public enum StandardModels {
    public struct MissingResource: Error, CustomStringConvertible {
        public let description: String
    }

    /// `--models DIR` (or GLEANER_MODELS): set before the first load, it is the only
    /// place looked in.
    private static let chosenDirectory = Mutex<String?>(nil)

    public static func useDirectory(_ path: String?) {
        chosenDirectory.withLock { $0 = path }
    }

    /// Where a model file is looked for, in order: the chosen directory alone if there
    /// is one; else SwiftPM's resource folder next to the executable (where `swift
    /// build` puts it, and where an install copies it), the executable's own folder,
    /// and `../share/gleaner` beside it (/usr/local/bin → /usr/local/share/gleaner).
    /// SwiftPM's generated `Bundle.module` is not used: it falls back to the build
    /// machine's build folder, says nowhere where it looked, and stops the process when
    /// both places are missing.
    public static func searchDirectories() -> [String] {
        if let chosen = chosenDirectory.withLock({ $0 }) { return [chosen] }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder =
            FileManager.default.fileExists(atPath: executable.path)
            ? executable.deletingLastPathComponent()
            : URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return [
            folder.appendingPathComponent("gleaner_GleanerResources.resources").path, folder.path,
            folder.deletingLastPathComponent().appendingPathComponent("share/gleaner").path,
        ]
    }

    static func locate(_ file: String) throws -> URL {
        let directories = searchDirectories()
        for directory in directories {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(file)
            if FileManager.default.isReadableFile(atPath: candidate.path) { return candidate }
        }
        throw MissingResource(
            description: "model file \(file) not found; looked in: \(directories.joined(separator: ", ")). "
                + "Copy gleaner_GleanerResources.resources (from `swift build -c release --show-bin-path`) next to the "
                + "binary, or pass --models DIR (or set GLEANER_MODELS) to the folder that holds \(file).")
    }

    /// A resource's bytes, read straight into an array: going through `Data` copied the
    /// 18 MB tagger model a second time at every start.
    private static func bytes(_ name: String, _ extension: String) throws -> [UInt8] {
        let url = try locate("\(name).\(`extension`)")
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        let descriptor = handle.fileDescriptor
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                guard got > 0 else { throw MissingResource(description: "model file \(url.path) could not be read") }
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

    private static let loadedFirstNames: Result<FirstNames, any Error> = Result {
        FirstNames(tsv: String(decoding: try bytes("first-names", "tsv"), as: UTF8.self))
    }

    private static let loadedPersonNames: Result<PersonNames, any Error> = Result {
        PersonNames(list: String(decoding: try bytes("person-names", "tsv"), as: UTF8.self))
    }

    /// The page reader's block model (Resources/README.md). `GLEANER_PAGE_BLOCKS=off`
    /// leaves it out, so the template rules alone decide (for measuring what it adds).
    private static let loadedPageBlockModel: Result<PageBlockModel?, any Error> = Result {
        if ProcessInfo.processInfo.environment["GLEANER_PAGE_BLOCKS"] == "off" { return nil }
        return PageBlockModel(tsv: String(decoding: try bytes("page-blocks", "tsv"), as: UTF8.self))
    }

    public static func gazetteer() throws -> Gazetteer { try loadedGazetteer.get() }
    public static func firstNames() throws -> FirstNames { try loadedFirstNames.get() }
    public static func personNames() throws -> PersonNames { try loadedPersonNames.get() }
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
            speakerRanker: try speakerRanker(), firstNames: try firstNames(), personNames: try personNames())
    }
}
