/// Personal pronouns by the part they play: a subject may speak, an object or a
/// possessive never does.
enum Pronouns {
    /// Objects and possessives: "described his views", "thanked him".
    static let nonSubject: Set<String> = [
        "his", "her", "hers", "him", "himself", "herself", "its", "their", "them", "themselves",
    ]

    /// Pronouns that can be the subject of a cue. The speaker ranker keeps its own, wider
    /// list (`SpeakerCandidate.pronouns`): its weights were learnt with that one.
    static let subject: Set<String> = ["he", "she", "they", "it", "we", "i"]
}
