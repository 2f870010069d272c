import Testing

@testable import GleanerCore

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("The minister said on Saturday that the talks with the delegation were productive and would continue.", "en"),
        (
            "Le ministre a déclaré samedi que les discussions avec la délégation étaient productives et qu'elles vont continuer.",
            "fr"
        ),
        ("Der Minister sagte am Samstag, dass die Gespräche mit der Delegation produktiv waren und fortgesetzt werden.", "de"),
        ("El ministro dijo el sábado que las conversaciones con la delegación fueron productivas y que continuarán.", "es"),
        ("Il ministro ha detto sabato che i colloqui con la delegazione sono stati produttivi e che continueranno.", "it"),
        ("Министр заявил в субботу, что переговоры с делегацией были продуктивными.", "ru"),
        ("部长星期六说，与代表团的会谈富有成效，并将继续进行。", "zh"),
        ("大臣は土曜日、代表団との会談は生産的だったと述べた。", "ja"),
        ("الوزير قال يوم السبت إن المحادثات مع الوفد كانت مثمرة", "ar"),
    ])
    func tellsMajorLanguagesApart(text: String, expected: String) {
        #expect(LanguageDetector.detect(text) == expected)
    }

    @Test func saysUndeterminedWhenThereAreNoLetters() {
        #expect(LanguageDetector.detect("12345 --- 678 !!!") == LanguageDetector.undetermined)
    }
}

@Suite struct BaselineExtractorTests {
    @Test func headlineIsTheFirstNonBlankLineAndTextIsUnchanged() throws {
        let content = "\n\n  Rescue teams reach flooded villages  \nBody text follows here.\n"
        let result = try BaselineExtractor().extract(InputDocument(content: content, contentType: .plainText))
        #expect(result.title == "Rescue teams reach flooded villages")
        #expect(result.text == content, "text/plain output text must be the content unchanged")
    }

    @Test func htmlBecomesParagraphTextWithoutScriptsOrMarkup() throws {
        let html = """
            <html><head><title>Port plan &amp; budget</title><script>var x = "<p>no</p>";</script></head>
            <body><p>First &ldquo;paragraph&rdquo;.</p><div>Second<br>line</div></body></html>
            """
        let result = try BaselineExtractor().extract(InputDocument(content: html))
        #expect(result.title == "Port plan & budget")
        #expect(result.text == "First “paragraph”.\n\nSecond\n\nline")
        #expect(!result.text.contains("var x"))
    }
}
