/// What the pipeline runs on each valid document. Implementations are pure functions of
/// the document: no I/O, no clock, so that a redelivered document yields the same record.
public protocol Extractor: Sendable {
    var info: ExtractorInfo { get }
    func extract(_ document: InputDocument) throws -> ExtractionResult
}

public enum GleanerVersion {
    public static let current = "0.1.0"
}
