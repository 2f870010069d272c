/// The gender a first name tells ("Mary" a woman, "Tom" a man), from the Census lists
/// `scripts/build-first-names` turns into `first-names.tsv`. Names both sexes carry
/// are not in the table: a wrong gender would bar the right antecedent.
public struct FirstNames: Sendable {
    private let genders: [String: Gender]

    /// An empty table: nobody's gender comes from their first name.
    public init() {
        genders = [:]
    }

    /// Lines `name<TAB>F|M`, lower case; `#` starts a comment.
    public init(tsv: String) {
        var genders: [String: Gender] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            switch fields[1] {
            case "F": genders[String(fields[0])] = .female
            case "M": genders[String(fields[0])] = .male
            default: continue
            }
        }
        self.genders = genders
    }

    func gender(of name: String) -> Gender? {
        genders[name.lowercased()]
    }
}

extension FirstNames {
    public func isFemale(_ name: String) -> Bool { gender(of: name) == .female }
    public func isMale(_ name: String) -> Bool { gender(of: name) == .male }
}
