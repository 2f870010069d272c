/// Given and family names the 1990 US Census counts ("hague", "madonna", "obrien"), from
/// `person-names.tsv` (`scripts/build-first-names`). The entity stage asks it whether a
/// one-word "person" is a name at all: the tagger learned from 1996 Reuters text that an
/// unknown capitalised word before "said" is a person, and a club, band or company founded
/// since ("Ospreys", "Babyshambles", "Twitter") is such a word.
public struct PersonNames: Sendable {
    private let names: Set<String>

    /// An empty list: every word may be a name, so no person is retyped for want of one.
    public init() {
        names = []
    }

    /// One lower-case name per line; `#` starts a comment.
    public init(list: String) {
        names = Set(list.split(separator: "\n").lazy.filter { !$0.hasPrefix("#") }.map(String.init))
    }

    public var isEmpty: Bool { names.isEmpty }

    /// Whether the word is a known name, read without case or apostrophes ("O'Brien" is
    /// listed as "obrien").
    public func contains(_ word: String) -> Bool {
        names.contains(String(word.lowercased().unicodeScalars.filter { $0 != "'" && $0 != "\u{2019}" }))
    }
}
