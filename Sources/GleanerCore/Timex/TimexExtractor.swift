/// Finds temporal expressions and resolves them against the publication date.
public struct TimexExtractor: Sendable {
    public init() {}

    /// `reference`: the document's publication date (ISO 8601 date or date-time), or nil,
    /// in which case values that need one are null.
    public func extract(_ analysis: DocumentAnalysis, reference: String?) -> [Timex] {
        []
    }
}
