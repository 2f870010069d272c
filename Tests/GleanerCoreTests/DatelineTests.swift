import Testing

@testable import GleanerCore

@Suite struct DatelineTests {
    private func dateline(_ text: String) -> Dateline? {
        DatelineParser.parse(DocumentAnalysis(text: text))
    }

    @Test func readsTheCommonWireLayouts() throws {
        let tass = try #require(dateline("Russia answers\nMOSCOW, December 10. /TASS/. The ministry said so."))
        #expect(tass.location == "MOSCOW")
        #expect(tass.date == "XXXX-12-10")
        #expect(tass.agency == "TASS")
        let reuters = try #require(dateline("Talks resume\nWASHINGTON (Reuters) - The talks resumed."))
        #expect(reuters.location == "WASHINGTON")
        #expect(reuters.date == nil)
        #expect(reuters.agency == "Reuters")
        let ap = try #require(dateline("Rates held\nLONDON, March 3, 2023 (AP) — The bank held rates."))
        #expect(ap.date == "2023-03-03")
        #expect(ap.agency == "AP")
        let region = try #require(dateline("Storm\nST. LOUIS, Mo., June 2 — Rain fell."))
        #expect(region.location == "ST. LOUIS")
        #expect(region.date == "XXXX-06-02")
    }

    @Test func offsetsPointAtThePlace() throws {
        let text = "Ünïcode headline 😀\nKYIV, May 9 — Sirens sounded."
        let found = try #require(dateline(text))
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[found.start..<found.end])) == "KYIV")
    }

    @Test func anAllCapsHeadlineOrOrdinaryProseIsNoDateline() {
        #expect(dateline("SOCCER - JAPAN GET LUCKY WIN\nThe match ended.") == nil)
        #expect(dateline("NATO said on Friday that talks would go on.") == nil)
        #expect(dateline("") == nil)
    }
}
