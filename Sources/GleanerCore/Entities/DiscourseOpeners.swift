/// Words that open a sentence of speech or comment and name nobody: "Well, ...",
/// "Definitely not.", "Look, ...", "Thank God ...".
///
/// The tagger learnt from news prose, where a capitalised word followed by a comma at a
/// sentence start is most often a name ("Smith, 42, ..."); in quoted speech it is as often
/// an interjection. These words are names so rarely that one on its own at a sentence
/// start, before a comma or the sentence's end, is dropped.
enum DiscourseOpeners {
    static let words: Set<String> = [
        "well", "definitely", "look", "listen", "yes", "yeah", "no", "oh", "ah", "okay", "ok", "sure", "absolutely",
        "thanks", "please", "indeed", "honestly", "seriously", "obviously", "clearly", "frankly", "basically",
        "anyway", "besides", "certainly", "exactly", "fine", "great", "hey", "hello", "ladies", "gentlemen", "sorry",
        "wow", "bust", "right", "alright", "thank", "god", "goodness", "welcome", "congratulations", "cheers",
    ]

    static func drop(_ mentions: [EntityMention], in document: DocumentAnalysis) -> [EntityMention] {
        mentions.filter { mention in
            let first = mention.tokens.lowerBound
            let sentence = document.sentenceTokens(ofToken: first)
            guard first == sentence.lowerBound || isOpeningMark(document.tokens[first - 1].text),
                mention.tokens.allSatisfy({ words.contains(document.tokens[$0].text.lowercased()) })
            else { return true }
            let next = mention.tokens.upperBound
            let closes = next >= sentence.upperBound || [",", ".", "!", "?", "—", "–"].contains(document.tokens[next].text)
            return !closes
        }
    }

    private static func isOpeningMark(_ token: String) -> Bool {
        ["\"", "“", "‘", "'", "(", "«"].contains(token)
    }
}
