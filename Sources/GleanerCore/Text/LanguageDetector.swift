/// Tells a document's language (ISO 639-1) from its script, then, for Latin-script
/// text, from the share of each language's commonest function words. Enough to keep
/// English-specific extraction away from other languages; not a general identifier.
public enum LanguageDetector {
    /// Returned when the text has no letters to judge by.
    public static let undetermined = "und"

    private static let functionWords: [(code: String, words: Set<String>)] = [
        (
            "en",
            [
                "the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "on", "with", "he", "as", "said", "by", "at",
                "from", "his", "have", "are", "be", "this", "which", "were", "has",
            ]
        ),
        (
            "fr",
            [
                "le", "la", "les", "des", "et", "est", "une", "du", "dans", "que", "pour", "qui", "pas", "sur", "au", "avec",
                "il", "sont", "aux", "ont", "cette", "été", "mais", "par",
            ]
        ),
        (
            "de",
            [
                "der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "von", "mit", "sich", "des", "auf", "für",
                "im", "dem", "wird", "auch", "nach", "bei", "sie", "wurde",
            ]
        ),
        (
            "es",
            [
                "el", "los", "las", "del", "y", "es", "una", "por", "con", "para", "que", "se", "su", "al", "lo", "como", "más",
                "pero", "sus", "fue", "este", "ha", "entre", "también",
            ]
        ),
        (
            "it",
            [
                "il", "di", "che", "è", "per", "gli", "della", "una", "con", "non", "sono", "del", "alla", "nel", "anche", "più",
                "dei", "le", "ha", "come", "questo", "stato", "ma", "delle",
            ]
        ),
        (
            "pt",
            [
                "o", "os", "do", "da", "não", "uma", "com", "para", "que", "em", "dos", "das", "no", "na", "se", "ao", "por",
                "mais", "foi", "como", "ele", "são", "também", "pelo",
            ]
        ),
        (
            "nl",
            [
                "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "ook", "aan", "wordt",
                "door", "er", "bij", "naar", "werd", "maar", "om", "uit",
            ]
        ),
        (
            "sv",
            [
                "och", "att", "det", "som", "är", "för", "på", "med", "av", "inte", "den", "till", "har", "ett", "om", "var",
                "sig", "men", "från", "vid", "också", "efter", "han", "kan",
            ]
        ),
        (
            "pl",
            [
                "nie", "się", "na", "jest", "że", "do", "to", "w", "z", "jak", "ale", "od", "po", "przez", "dla", "są", "tym",
                "oraz", "jego", "był", "także", "który", "które", "została",
            ]
        ),
        (
            "tr",
            [
                "ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "ama", "gibi", "olan", "en", "kadar",
                "sonra", "ise", "değil", "var", "göre", "ancak", "her", "yeni", "tarafından",
            ]
        ),
        (
            "id",
            [
                "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke",
                "karena", "ada", "oleh", "mereka", "bahwa", "sudah", "saat", "bisa", "kata", "telah",
            ]
        ),
    ]

    /// Each function word (as UTF-8) with the languages it belongs to, built once.
    private static let languagesByWord: [[UInt8]: [Int]] = {
        var table: [[UInt8]: [Int]] = [:]
        for (index, language) in functionWords.enumerated() {
            for word in language.words { table[Array(word.utf8), default: []].append(index) }
        }
        return table
    }()

    /// Looks at the first `sampleBytes` of UTF-8 only: a few thousand words decide.
    public static func detect(_ text: String, sampleBytes: Int = 20_000) -> String {
        var scripts: [String: Int] = [:]
        var latinLetters = 0
        var counts = [Int](repeating: 0, count: functionWords.count)
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var wordCount = 0

        func finishWord() {
            guard !word.isEmpty else { return }
            wordCount += 1
            if word.count <= 24, let languages = languagesByWord[word] {
                for index in languages { counts[index] += 1 }
            }
            word.removeAll(keepingCapacity: true)
        }

        var decoder = UTF8()
        var bytes = text.utf8.prefix(sampleBytes).makeIterator()
        decoding: while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&bytes) {
            case .scalarValue(let decoded): scalar = decoded
            case .emptyInput: break decoding
            case .error: continue
            }
            // ASCII first: Unicode property look-ups dominate the cost otherwise.
            if scalar.value < 0x80 {
                switch scalar.value {
                case 0x41...0x5A:
                    latinLetters += 1
                    word.append(UInt8(scalar.value + 0x20))
                case 0x61...0x7A:
                    latinLetters += 1
                    word.append(UInt8(scalar.value))
                default:
                    finishWord()
                }
                continue
            }
            guard scalar.properties.isAlphabetic else {
                finishWord()
                continue
            }
            if let script = nonLatinScript(scalar) {
                scripts[script, default: 0] += 1
                finishWord()
            } else {
                latinLetters += 1
                word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        finishWord()

        if let (script, count) = scripts.max(by: { $0.value < $1.value }), count > latinLetters {
            // Kana appears in almost every Japanese sentence; Han alone reads as Chinese.
            if script == "zh", let kana = scripts["ja"], kana * 10 > count { return "ja" }
            return script
        }
        guard latinLetters > 0 else { return undetermined }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        // Running prose in any of these languages is a quarter or more function words;
        // tables, result lists and name-heavy text are not, and their stray matches
        // ("de", "o", "van" in names) must not outvote English, this product's default.
        let english = counts[0]
        guard counts[best] >= 3, counts[best] * 10 >= wordCount, Double(counts[best]) >= 1.5 * Double(english) else {
            return "en"
        }
        return functionWords[best].code
    }

    /// The language a script stands for, when the script alone is decisive enough.
    private static func nonLatinScript(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0400...0x052F: "ru"
        case 0x0370...0x03FF: "el"
        case 0x0590...0x05FF: "he"
        case 0x0600...0x06FF, 0x0750...0x077F: "ar"
        case 0x0900...0x097F: "hi"
        case 0x0E00...0x0E7F: "th"
        case 0x3040...0x30FF: "ja"
        case 0xAC00...0xD7AF, 0x1100...0x11FF: "ko"
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: "zh"
        default: nil
        }
    }
}
