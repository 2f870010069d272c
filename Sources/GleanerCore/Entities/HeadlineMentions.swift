/// Names in a title-case headline, checked against the story under it.
///
/// In "Local Baker Stuns Judges With Lemon Tart" every word is capitalised, so case, the
/// tagger's strongest cue, says nothing: it reads runs of headline words as names ("Claudia
/// Tenney Beats Establishment" one organization). A story names its people and bodies
/// again in the body, where case is informative. So a headline mention stands only as far
/// as the body attests it: cut to its longest run of words that the body also has as a
/// name (or within one), dropped when there is none. All-capital headlines (wire
/// copy) and sentence-case ones keep their mentions: there case still tells.
enum HeadlineMentions {
    static func check(_ mentions: [EntityMention], in document: DocumentAnalysis) -> [EntityMention] {
        guard let headline = titleCaseHeadline(document) else { return mentions }
        let bodyNames = Set(mentions.filter { $0.tokens.lowerBound >= headline.upperBound }.map { key($0.tokens, document) })
        guard !bodyNames.isEmpty else { return mentions }
        let bodyWords = Set(bodyNames.flatMap { $0.split(separator: " ").map(String.init) })
        return mentions.compactMap { mention in
            guard mention.tokens.upperBound <= headline.upperBound else { return mention }
            if bodyNames.contains(key(mention.tokens, document)) { return mention }
            guard let run = longestAttestedRun(mention.tokens, document, bodyNames: bodyNames, bodyWords: bodyWords) else {
                return nil
            }
            var cut = mention
            cut.tokens = run
            cut.start = document.tokens[run.lowerBound].start
            cut.end = document.tokens[run.upperBound - 1].end
            cut.text = document.text(cut.start, cut.end)
            return cut
        }
    }

    /// The first sentence's tokens when it is one line in title case: most of its words
    /// of four letters or more capitalised, not all of them in capitals.
    static func titleCaseHeadline(_ document: DocumentAnalysis) -> Range<Int>? {
        guard let first = document.sentences.first else { return nil }
        let words = document.tokens[first.tokens].map(\.text).filter {
            $0.unicodeScalars.count >= 4 && $0.unicodeScalars.allSatisfy(\.isAlpha)
        }
        guard words.count >= 3 else { return nil }
        let capitalised = words.filter { $0.unicodeScalars.first!.isUpper }
        let allCaps = words.allSatisfy { $0.unicodeScalars.allSatisfy(\.isUpper) }
        guard !allCaps, capitalised.count * 4 >= words.count * 3 else { return nil }
        return first.tokens
    }

    private static func key(_ tokens: Range<Int>, _ document: DocumentAnalysis) -> String {
        document.tokens[tokens].map { $0.text.lowercased() }.joined(separator: " ")
    }

    /// The longest run of the mention's tokens that is a body name, or failing that,
    /// whose every word occurs inside body names ("Tenney" alone, for "Claudia Tenney").
    private static func longestAttestedRun(
        _ tokens: Range<Int>, _ document: DocumentAnalysis, bodyNames: Set<String>, bodyWords: Set<String>
    ) -> Range<Int>? {
        var best: Range<Int>?
        for length in stride(from: tokens.count, through: 1, by: -1) {
            for start in tokens.lowerBound...(tokens.upperBound - length) {
                let run = start..<(start + length)
                if length < tokens.count, bodyNames.contains(key(run, document)) { return run }
                if best == nil, document.tokens[run].allSatisfy({ bodyWords.contains($0.text.lowercased()) }) { best = run }
            }
        }
        return best
    }
}
