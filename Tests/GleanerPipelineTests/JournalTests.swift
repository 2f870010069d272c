import Foundation
import Testing

@testable import GleanerPipeline

@Suite struct JournalTests {
    @Test func replayYieldsExactlyTheUnfinishedDocumentsWithTheirBytes() throws {
        let directory = try TemporaryDirectory()
        let journalPath = directory.path + "/journal"
        var sequences: [UInt64] = []
        let payloads: [[UInt8]] =
            (0..<50).map { Array("document \($0) ünïcode\n with newline".utf8) } + [[], [0xFF, 0x00, 0x0A]]
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
    private func line(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func writesEachIDOnceAndRemembersThemAcrossRestarts() throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try ResultLog(directory: directory.path)
            #expect(try log.stage(id: "a", line: line(#"{"id":"a","text":"1"}"#), into: .results) == .staged(.new))
            #expect(try log.stage(id: "b", line: line(#"{"id":"b","error":{}}"#), into: .errors) == .staged(.error))
            #expect(try log.stage(id: "a", line: line(#"{"id":"a","text":"again"}"#), into: .results) == .duplicate(version: 1))
            try log.commit()
            _ = try log.close()
        }
        let reopened = try ResultLog(directory: directory.path)
        #expect(reopened.recordCount == 2)
        #expect(try reopened.stage(id: "b", line: line(#"{"id":"b"}"#), into: .errors) == .duplicate(version: 1))
        #expect(
            try directory.read("results.jsonl")
                == line("{\"id\":\"a\",\"version\":1,\"supersedes\":null,\"nearDuplicateOf\":null,\"text\":\"1\"}\n"))
    }

    @Test func aTornLastLineIsRepairedAndItsIDIsNotCountedAsWritten() throws {
        let directory = try TemporaryDirectory()
        try directory.write("results.jsonl", Array("{\"id\":\"whole\"}\n{\"id\":\"torn\",\"te".utf8))
        let log = try ResultLog(directory: directory.path)
        #expect(log.tornLinesRepaired == 1)
        #expect(log.recordCount == 1)
        #expect(try log.stage(id: "torn", line: line(#"{"id":"torn","text":"x"}"#), into: .results) == .staged(.new))
        try log.commit()
        let lines = String(decoding: try directory.read("results.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines == [#"{"id":"whole"}"#, #"{"id":"torn","version":1,"supersedes":null,"nearDuplicateOf":null,"text":"x"}"#])
    }

    @Test func supersedeWritesAChangedResultAsTheNextVersionAndDropsARedelivery() throws {
        let directory = try TemporaryDirectory()
        var options = ResultLog.Options()
        options.duplicates = .supersede
        do {
            let log = try ResultLog(directory: directory.path, options: options)
            #expect(try log.stage(id: "a", line: line(#"{"id":"a","text":"first"}"#), into: .results) == .staged(.new))
            try log.commit()
        }
        let log = try ResultLog(directory: directory.path, options: options)
        #expect(try log.stage(id: "a", line: line(#"{"id":"a","text":"first"}"#), into: .results) == .duplicate(version: 1))
        #expect(try log.stage(id: "a", line: line(#"{"id":"a","text":"second"}"#), into: .results) == .staged(.updated))
        try log.commit()
        // Version 1 redelivered late, after version 2: still the same record, not a third version.
        #expect(try log.stage(id: "a", line: line(#"{"id":"a","text":"first"}"#), into: .results) == .duplicate(version: 2))
        let lines = String(decoding: try directory.read("results.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.last == #"{"id":"a","version":2,"supersedes":1,"nearDuplicateOf":null,"text":"second"}"#)
    }

    @Test func rotatedFilesAreOpenWhileWrittenAndLeftoversAreClosedOnRestart() throws {
        let directory = try TemporaryDirectory()
        var options = ResultLog.Options()
        options.rotation = .size(90)
        do {
            let log = try ResultLog(directory: directory.path, options: options)
            _ = try log.stage(id: "a", line: line(#"{"id":"a","text":"a long enough line"}"#), into: .results)
            try log.commit()
            #expect(try log.tick().map(\.name).count == 1)
            _ = try log.stage(id: "b", line: line(#"{"id":"b","text":"x"}"#), into: .results)
            try log.commit()
            #expect(try log.tick().isEmpty)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("results") }
            .sorted()
        #expect(names.count == 2 && names[0].hasSuffix("-000001.jsonl") && names[1].hasSuffix("-000002.jsonl.open"))
        let reopened = try ResultLog(directory: directory.path, options: options)
        #expect(try reopened.stage(id: "b", line: line(#"{"id":"b","text":"x"}"#), into: .results) == .duplicate(version: 1))
        let after = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("results") }
            .sorted()
        #expect(after == names.map { $0.replacingOccurrences(of: ".open", with: "") })
    }

    @Test func idsWithEscapesAreReadByAFullParse() {
        #expect(ResultLog.leadingID(Array(#"{"id":"a\"b","x":1}"#.utf8)[...]) == "a\"b")
        #expect(ResultLog.leadingID(Array(#"{"x":1,"id":"late"}"#.utf8)[...]) == "late")
        #expect(ResultLog.leadingID(Array("not json".utf8)[...]) == nil)
    }
}
