import Foundation
import Testing

@testable import GleanerPipeline

@Suite struct JournalTests {
    @Test func replayYieldsExactlyTheUnfinishedDocumentsWithTheirBytes() throws {
        let directory = try TemporaryDirectory()
        let journalPath = directory.path + "/journal"
        var sequences: [UInt64] = []
        let payloads: [[UInt8]] = (0..<50).map { Array("document \($0) ünïcode\n with newline".utf8) } + [[], [0xFF, 0x00, 0x0A]]
        do {
            let journal = try Journal(directory: journalPath)
            for payload in payloads { sequences.append(try journal.append(payload)) }
            for sequence in sequences where sequence % 3 == 0 { #expect(try journal.complete(sequence)) }
            #expect(try journal.complete(sequences[2]) == false, "a second DONE is ignored")
            try journal.sync()
        }
        let reopened = try Journal(directory: journalPath)
        let expected = sequences.filter { $0 % 3 != 0 }
        #expect(reopened.pendingSequences == expected)
        for (index, sequence) in sequences.enumerated() where sequence % 3 != 0 {
            #expect(try reopened.payload(sequence) == payloads[index])
        }
        #expect(try reopened.append([1]) == sequences.last! + 1, "sequence numbers are never reused")
    }

    @Test func aTornTailIsCutAndEverythingBeforeItSurvives() throws {
        let directory = try TemporaryDirectory()
        let journalPath = directory.path + "/journal"
        let id: String
        do {
            let journal = try Journal(directory: journalPath)
            id = journal.id
            _ = try journal.append(Array("kept".utf8))
            try journal.sync()
        }
        // A crash in the middle of appending the second record.
        try directory.append("journal/journal.log", Array("A 2 100\npartial payl".utf8))
        let reopened = try Journal(directory: journalPath)
        #expect(reopened.id == id, "the journal keeps its identity across restarts")
        #expect(reopened.pendingSequences == [1])
        #expect(reopened.tornBytesRepaired == 20)
        #expect(try reopened.payload(1) == Array("kept".utf8))
        let sequence = try reopened.append(Array("after repair".utf8))
        try reopened.sync()
        let again = try Journal(directory: journalPath)
        #expect(try again.payload(sequence) == Array("after repair".utf8))
    }

    @Test func compactionDropsFinishedDocumentsAndKeepsTheRest() throws {
        let directory = try TemporaryDirectory()
        let journalPath = directory.path + "/journal"
        let journal = try Journal(directory: journalPath)
        journal.compactionThreshold = 10_000
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: 500)
        var kept: [UInt64] = []
        for index in 0..<100 {
            let sequence = try journal.append(payload + Array("\(index)".utf8))
            if index % 10 == 0 { kept.append(sequence) } else { _ = try journal.complete(sequence) }
        }
        let before = journal.stats.fileBytes
        try journal.compactIfWorthwhile()
        #expect(journal.stats.fileBytes < before / 5)
        #expect(journal.pendingSequences == kept)
        for sequence in kept { #expect(try journal.payload(sequence)?.count ?? 0 > 500) }
        let reopened = try Journal(directory: journalPath)
        #expect(reopened.pendingSequences == kept)
        #expect(try reopened.payload(kept[3]) == payload + Array("30".utf8))
    }
}

@Suite struct ResultLogTests {
    @Test func writesEachIDOnceAndRemembersThemAcrossRestarts() throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try ResultLog(directory: directory.path)
            #expect(log.stage(id: "a", line: Array(#"{"id":"a","text":"1"}"#.utf8), into: .results))
            #expect(log.stage(id: "b", line: Array(#"{"id":"b","error":{}}"#.utf8), into: .errors))
            #expect(!log.stage(id: "a", line: Array(#"{"id":"a","text":"again"}"#.utf8), into: .results))
            try log.commit()
        }
        let reopened = try ResultLog(directory: directory.path)
        #expect(reopened.writtenIDs == ["a", "b"])
        #expect(!reopened.stage(id: "b", line: Array(#"{"id":"b"}"#.utf8), into: .errors))
        #expect(try directory.read("results.jsonl") == Array("{\"id\":\"a\",\"text\":\"1\"}\n".utf8))
    }

    @Test func aTornLastLineIsRepairedAndItsIDIsNotCountedAsWritten() throws {
        let directory = try TemporaryDirectory()
        try directory.write("results.jsonl", Array("{\"id\":\"whole\"}\n{\"id\":\"torn\",\"te".utf8))
        let log = try ResultLog(directory: directory.path)
        #expect(log.tornLinesRepaired == 1)
        #expect(log.writtenIDs == ["whole"])
        #expect(log.stage(id: "torn", line: Array(#"{"id":"torn","text":"x"}"#.utf8), into: .results))
        try log.commit()
        let lines = String(decoding: try directory.read("results.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines == [#"{"id":"whole"}"#, #"{"id":"torn","text":"x"}"#])
    }

    @Test func idsWithEscapesAreReadByAFullParse() {
        #expect(ResultLog.leadingID(Array(#"{"id":"a\"b","x":1}"#.utf8)[...]) == "a\"b")
        #expect(ResultLog.leadingID(Array(#"{"x":1,"id":"late"}"#.utf8)[...]) == "late")
        #expect(ResultLog.leadingID(Array("not json".utf8)[...]) == nil)
    }
}
