/// Finds reported speech and resolves each speaker to an entity.
struct QuoteExtractor {
    func extract(_ analysis: DocumentAnalysis, entities: [Entity]) -> [Quote] {
        []
    }
}
