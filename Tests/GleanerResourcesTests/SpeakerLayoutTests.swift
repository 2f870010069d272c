import GleanerCore
import Testing

/// Speakers of direct quotes in layouts that the cue lexicon alone misses, in text
/// written for these tests: a phrase after "said" that ends with the name, a long
/// description before the cue, unlisted manner verbs ("barked", "boomed"), documents
/// that speak, and a quote that must not inherit the previous speaker.
@Suite struct SpeakerLayoutTests {
    static let text = """
        Harbour vote splits the council
        “The gap is too wide to close before the vote,” said one Marlow Democrat.
        “Turnout is the main driver here,” said harbour pollster Tomas Weller.
        “From day one, I made the harbour my priority,” the soft-spoken, 71-year-old mayor said.
        “I would say this,” Brandt answered.
        “Friends, let me be blunt,” the email read.
        “We will not give up,” Amsel barked.
        Amsel then boomed, “The vote is ours.”
        ” … the harbour will not wait for us,” Brandt warned.
        Mayor Helena Brandt offered “my thoughts to every family who lost a boat.”
        As the Marlow Herald puts it, “the quay is the town.”
        “The ferry was late again,” said former Brandt adviser Jonas Brink.
        Brandt shot back, “Nobody asked the fishermen.”
        “We are ready for the vote,” Amsel notes.
        The council said the United States has become a “dumping ground for old ferries.”
        “Brink should resign before the vote,” one Marlow Democrat tweeted.
        """

    let story: ExtractedStory

    init() throws {
        story = try ExtractedStory(Self.text)
    }

    @Test func thePhraseAfterTheCueEndsWithTheSpeaker() throws {
        #expect(try story.quote("The gap is too wide to close before the vote,").speaker?.name.contains("Democrat") == true)
        #expect(
            try story.quote("Turnout is the main driver here,").speaker?.name == "Tomas Weller",
            "not a word the tagger took for a name")
    }

    @Test func aNameInsideTheRoleAfterTheCueIsNotTheSpeaker() throws {
        #expect(try story.quote("The ferry was late again,").speaker?.name == "Jonas Brink")
    }

    @Test func phrasalAndPresentTenseCues() throws {
        let back = try story.quote("Nobody asked the fishermen.")
        #expect(back.cue == "shot back")
        #expect(back.speaker?.name == "Helena Brandt")
        let notes = try story.quote("We are ready for the vote,")
        #expect(notes.cue == "notes")
        #expect(notes.speaker?.name == "Amsel")
    }

    @Test func aCapitalisedWordInTheBodyIsANameNotACue() throws {
        let dumping = try story.quote("dumping ground for old ferries.")
        #expect(dumping.cue == "said", "not 'States' in 'the United States has become'")
        #expect(dumping.speaker?.name == "The council")
    }

    @Test func aPartyMemberDescribedSpeaks() throws {
        let tweet = try story.quote("Brink should resign before the vote,")
        #expect(tweet.cue == "tweeted")
        #expect(tweet.speaker?.name.hasSuffix("Democrat") == true)
    }

    @Test func aLongDescriptionBeforeTheCueSpeaks() throws {
        #expect(
            try story.quote("From day one, I made the harbour my priority,").speaker?.name == "the soft-spoken, 71-year-old mayor"
        )
    }

    @Test func aClosingMarkAndAnEllipsisOpeningAParagraphOpenAQuote() throws {
        let resumed = try #require(story.result.quotes.first { $0.text.contains("the harbour will not wait for us") })
        #expect(resumed.kind == .direct)
        #expect(resumed.speaker?.name == "Helena Brandt")
    }

    @Test func aQuotedClauseInASentenceAboutAPersonIsThePersons() throws {
        #expect(try story.quote("my thoughts to every family who lost a boat.").speaker?.name == "Helena Brandt")
        let putIt = try #require(story.result.quotes.first { $0.text.hasPrefix("the quay is the town") })
        #expect(putIt.cue == "puts it")
    }

    @Test func mannerVerbsAndDocumentsAttributeAndNothingIsInherited() throws {
        let answer = try story.quote("I would say this,")
        #expect(answer.cue == "answered")
        #expect(answer.speaker?.name == "Helena Brandt")
        let email = try story.quote("Friends, let me be blunt,")
        #expect(email.speaker?.name == "the email")
        let bark = try story.quote("We will not give up,")
        #expect(bark.cue == "barked")
        #expect(bark.speaker?.name == "Amsel")
        let boom = try story.quote("The vote is ours.")
        #expect(boom.cue == "boomed")
        #expect(boom.speaker?.name == "Amsel")
    }
}
