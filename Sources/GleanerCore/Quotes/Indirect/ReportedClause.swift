/// Where a reported clause starts and ends: past "that", an audience or a place, and
/// before a second report or the reporter's own aside.
extension QuoteContext {
    /// Where the reporter's own words take over from a report after its cue: a comma before
    /// a new clause ("that Burma's reforms were not complete, and human rights groups ..."),
    /// a concessive clause (", although", ", while") or a participle of the
    /// reporter's (", contradicting police accounts"). ", and that ..." still reports.
    func reportAside(after first: Int, before last: Int) -> Int? {
        var comma = first + 2
        while comma + 1 < last {
            defer { comma += 1 }
            guard analysis.tokens[comma].text == ",", quoted[comma] == .none else { continue }
            let next = analysis.tokens[comma + 1].text.lowercased()
            if ["and", "but"].contains(next) {
                guard comma + 2 < last, analysis.tokens[comma + 2].text.lowercased() != "that" else { continue }
                let opener = analysis.tokens[comma + 2].text
                if Pronouns.subject.contains(opener.lowercased()) || FunctionWords.determiners.contains(opener.lowercased())
                    || FunctionWords.subordinators.contains(opener.lowercased())
                    || opener.unicodeScalars.first?.isUpper == true
                {
                    return comma
                }
            } else if OpenerWords.asideOpeners.contains(next)
                || (next.hasSuffix("ing") && next.count > 5 && !Self.reportedParticiples.contains(next))
            {
                return comma
            }
        }
        return nil
    }

    /// Participles after a comma that go on with what was reported rather than the
    /// reporter's aside: ", including ...", ", having given up his ambition" (in PolNeAR
    /// train, a Content runs on over ", having" six times to once it stops before it).
    static let reportedParticiples: Set<String> = ["including", "having"]

    /// Whether the token after `last` ends the clause: punctuation or the report's end.
    func closesClause(after last: Int, _ end: Int) -> Bool {
        last + 1 >= end || [".", ",", ";", "!", "?"].contains(analysis.tokens[last + 1].text)
    }

    /// A "that" that opens a relative clause ("rules that could lead to", "a show that
    /// aired"), told by the verb right after it.
    func isRelativeThat(_ that: Int) -> Bool {
        guard that + 1 < analysis.tokens.count else { return false }
        var next = analysis.tokens[that + 1].text
        if next.hasSuffix("ly"), that + 2 < analysis.tokens.count { next = analysis.tokens[that + 2].text }
        guard next.unicodeScalars.first?.isLower == true, next.hasSuffix("ed"), next.count > 4 else { return false }
        // A verb with its object after it ("that published the paper", "that killed 9/11
        // plotter ..."), not an adjective before a noun ("that advanced economies will").
        let verb = analysis.tokens[that + 1].text == next ? that + 1 : that + 2
        guard verb + 1 < analysis.tokens.count else { return true }
        let object = analysis.tokens[verb + 1].text
        return FunctionWords.determiners.contains(object.lowercased()) || Pronouns.subject.contains(object.lowercased())
            || FunctionWords.prepositions.contains(object.lowercased())
            || object.unicodeScalars.first.map { $0.isUpper || ("0"..."9").contains($0) } == true
    }

    /// A speech verb that opens a report of its own after a conjunction: "and said", "but
    /// he said", "but also contended that".
    func isSecondReport(at token: Int) -> Bool {
        let word = analysis.tokens[token].text.lowercased()
        let beforeThat = token + 1 < analysis.tokens.count && analysis.tokens[token + 1].text == "that"
        guard token >= 2, SpeechCues.verbs.contains(word) || SpeechCues.thatVerbs.contains(word) && beforeThat else {
            return false
        }
        var before = token - 1
        while before > 0, ["also", "then", "later"].contains(analysis.tokens[before].text.lowercased()) { before -= 1 }
        if Pronouns.subject.contains(analysis.tokens[before].text.lowercased()), before > 0 { before -= 1 }
        return ["and", "but"].contains(analysis.tokens[before].text.lowercased())
    }
}
