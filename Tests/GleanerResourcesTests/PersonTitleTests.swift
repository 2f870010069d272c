import GleanerCore
import GleanerResources
import Testing

/// Titles read around a person's name with the bundled models, one layout per test,
/// in text written for these tests.
@Suite struct PersonTitleTests {
    private func person(_ name: String, in text: String) throws -> Entity {
        let entities = try StandardModels.standardExtractor().extract(InputDocument(content: text)).entities
        return try #require(
            entities.first { $0.name == name && $0.type == "PERSON" }, "no person \(name) in \(entities.map(\.name))")
    }

    @Test func aLowerCaseRoleBeforeTheNameIsATitleAndItsHeadToo() throws {
        let text = "Harbour talks\nThe deal was signed on Monday by oil minister Omar Haddad and veteran negotiator Lena Brix."
        #expect(try person("Omar Haddad", in: text).titles == ["oil minister", "minister"])
        #expect(try person("Lena Brix", in: text).titles == ["veteran negotiator", "negotiator"])
    }

    @Test func modifiersWithoutAHeadAreNoTitle() throws {
        let text = "Harbour talks\nThe deal was praised by former Omar Haddad, who left in May."
        #expect(try person("Omar Haddad", in: text).titles.isEmpty)
    }

    @Test func aRankKeepsTheWholeRole() throws {
        let text = "Harbour talks\nThe plan came from deputy finance minister Omar Haddad on Monday."
        #expect(try person("Omar Haddad", in: text).titles == ["deputy finance minister"], "a deputy minister is not a minister")
    }

    @Test func timeQualifiersAndPartiesGiveShorterForms() throws {
        let text = "Harbour vote\nFormer Labour leader Tom Ashby said on Monday that he would not stand again."
        let ashby = try person("Tom Ashby", in: text)
        #expect(ashby.titles == ["Former Labour leader", "Labour leader", "leader"])
        #expect(ashby.affiliation == "Labour")
    }

    @Test func abbreviatedTitlesAndPluralsSharedByCoordinatedNames() throws {
        let text =
            "Harbour vote\nReps. Ann Fordham (D-Vt.) and Bo Lindqvist (R-Tex.) voted against the bill, and Gov. Ella Marsh signed it."
        #expect(try person("Ann Fordham", in: text).titles == ["Rep."])
        #expect(try person("Bo Lindqvist", in: text).titles == ["Rep."])
        #expect(try person("Ella Marsh", in: text).titles == ["Gov."])
    }

    @Test func aRoleInAppositionAfterTheName() throws {
        let text =
            "Harbour vote\nTom Ashby, the shadow transport secretary, said the plan was late. Ruth Kellner, chairman of Nordport Shipping, disagreed."
        #expect(try person("Tom Ashby", in: text).titles == ["shadow transport secretary"])
        let kellner = try person("Ruth Kellner", in: text)
        #expect(kellner.titles == ["chairman"])
        #expect(kellner.affiliation == "Nordport Shipping")
    }

    @Test func anAppositionMustCloseAfterItsRole() throws {
        let text = "Harbour vote\nTom Ashby, the shadow transport secretary's driver, said the plan was late."
        #expect(try person("Tom Ashby", in: text).titles.isEmpty)
    }

    @Test func aCountrysAmbassadorToAnother() throws {
        let text = "Harbour vote\nPaul Orme, Canada's ambassador to Norway, was not asked about the vote."
        let orme = try person("Paul Orme", in: text)
        #expect(orme.titles == ["ambassador"])
        #expect(orme.country == "CA")
        #expect(orme.affiliation == "Norway")
    }

    @Test func aNationalityInsideTheRoleIsItsOwner() throws {
        let text = "Harbour vote\nThe talks were led by former British ambassador Tim Colefax in March."
        let colefax = try person("Tim Colefax", in: text)
        #expect(colefax.titles == ["former British ambassador", "British ambassador", "ambassador"])
        #expect(colefax.country == "GB")
    }

    @Test func aCapitalisedRoleAfterADashIsStillARole() throws {
        let text = "Harbour vote\nOSLO, May 3 — Presumptive Green nominee Jane Doyle told supporters she would win."
        let doyle = try person("Jane Doyle", in: text)
        #expect(doyle.titles.contains("presumptive Green nominee"))
        #expect(doyle.titles.contains("nominee"))
    }

    @Test func aRoleGivenByACopulaOrServingAs() throws {
        let text =
            "Harbour vote\nIvo Brandt became an MP in 1990. Ann Fordham was secretary of state for six years. Tim Colefax now serves as the British ambassador to Norway."
        #expect(try person("Ivo Brandt", in: text).titles == ["MP"])
        #expect(try person("Ann Fordham", in: text).titles == ["secretary of state"])
        let colefax = try person("Tim Colefax", in: text)
        #expect(colefax.titles == ["ambassador"])
        #expect(colefax.country == "GB", "a nationality before the role is its country")
        #expect(colefax.affiliation == "Norway")
    }

    @Test func aCopulaBeforeSomeoneElsesNameGivesNoRole() throws {
        let text = "Harbour vote\nIvo Brandt was president Fordham's closest adviser for years."
        #expect(try person("Ivo Brandt", in: text).titles.isEmpty)
    }

    @Test func aPossessedRoleBeforeACommaAndTheName() throws {
        let text = "Harbour vote\nNordport's chief executive, Arun Salter, said profits rose."
        #expect(try person("Arun Salter", in: text).titles == ["chief executive"])
        let letter = "Harbour vote\nIn a letter to the chairman, Arun Salter said profits rose."
        #expect(try person("Arun Salter", in: letter).titles.isEmpty, "without a possessive the role is someone else's")
    }

    @Test func anAgeARelativeClauseOrBracketsBeforeTheRole() throws {
        let text =
            "Harbour vote\nIvo Brandt, 52, chairman of Nordport Shipping, agreed. Ann Fordham, who is the finance director, left. Ian Healy (captain) stayed."
        #expect(try person("Ivo Brandt", in: text).titles == ["chairman"])
        #expect(try person("Ann Fordham", in: text).titles == ["finance director", "director"])
        #expect(try person("Ian Healy", in: text).titles == ["captain"])
    }

    @Test func aFieldTheLexiconLacksBeforeAHeadInApposition() throws {
        let text = "Harbour vote\n\"It is late,\" said Ivo Brandt, banking industry analyst at Nordport Shipping."
        let brandt = try person("Ivo Brandt", in: text)
        #expect(brandt.titles == ["banking industry analyst", "analyst"])
        #expect(brandt.affiliation == "Nordport Shipping")
    }

    @Test func aDefiniteRoleAtAnOrganizationBeforeTheName() throws {
        let text = "Harbour vote\nThe speaker of the Harbour Council, Semyon Vark, told reporters the plan was late."
        let vark = try person("Semyon Vark", in: text)
        #expect(vark.titles == ["speaker"])
        #expect(vark.affiliation == "Harbour Council")
    }

    @Test func aParticipleIsNoPartOfARole() throws {
        let text = "Harbour vote\nThe harbour's veteran skipper Alan Shearling was named captain on Monday."
        #expect(try person("Alan Shearling", in: text).titles == ["veteran skipper", "skipper"])
    }

    @Test func stackedRolesAreReportedApart() throws {
        let text = "Harbour vote\n\"No date was set,\" NATO spokesman Lieutenant-Colonel Max Marrin said in Brema."
        #expect(try person("Max Marrin", in: text).titles == ["spokesman", "Lieutenant-Colonel"])
    }

    @Test func theRaceARoleIsInIsAlsoLeftOut() throws {
        let text = "Harbour vote\nThe count was close, said presumptive gubernatorial nominee Omar Haddad on Monday."
        let titles = try person("Omar Haddad", in: text).titles
        #expect(titles.contains("presumptive gubernatorial nominee"))
        #expect(titles.contains("presumptive nominee"))
    }

    @Test func underBeforeATitleIsThePreposition() throws {
        let text = "Harbour vote\nThe port grew fast Under President Omar Haddad. Under Secretary Lena Brix disagreed."
        #expect(try person("Omar Haddad", in: text).titles == ["President"])
        #expect(try person("Lena Brix", in: text).titles == ["Under Secretary"])
    }
}
