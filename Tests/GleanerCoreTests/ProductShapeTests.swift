import Testing

@testable import GleanerCore

/// The shapes that make a name a product, on names written for these tests.
@Suite struct ProductShapeTests {
    @Test func aMakeThenAModelNumberIsAModel() {
        for name in ["Quaybox 2", "Lumo 7700", "Harbour OS 1.0", "Tidewave E200", "Lumo A380s", "Quaybox XP"] {
            #expect(ProductNames.isModel(name.split(separator: " ").map(String.init)), "\(name)")
        }
    }

    @Test func yearsChannelsAndWordsWithDigitsAreNotModels() {
        for name in ["Harbourtown 2000", "Channel 4", "Films on HTV1", "Harbour Freedom2surf", "Lumo", "Article 5"] {
            #expect(!ProductNames.isModel(name.split(separator: " ").map(String.init)), "\(name)")
        }
    }

    @Test func aLowerCaseIBeforeACapitalIsAProductShape() {
        #expect(ProductNames.isAppleShaped("iWhistle"))
        #expect(!ProductNames.isAppleShaped("in"))
        #expect(!ProductNames.isAppleShaped("iOS"), "an acronym after the i is not the shape")
        #expect(!ProductNames.isAppleShaped("Ivan"))
    }
}
