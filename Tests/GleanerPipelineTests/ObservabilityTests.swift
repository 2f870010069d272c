import Testing

@testable import GleanerPipeline

@Suite struct ObservabilityTests {
    @Test func everyTypeLineGetsOneHelpLineBeforeIt() {
        let emitted = """
            # TYPE gleaner_sink_batch_size histogram
            gleaner_sink_batch_size_count 3
            # HELP custom_total Already described.
            # TYPE custom_total counter
            custom_total 1

            """
        let lines = String(decoding: MetricHelp.annotate(Array(emitted.utf8)), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "# HELP gleaner_sink_batch_size \(MetricHelp.texts["gleaner_sink_batch_size"]!)")
        #expect(lines[1] == "# TYPE gleaner_sink_batch_size histogram")
        #expect(lines.filter { $0.hasPrefix("# HELP custom_total") }.count == 1)
        #expect(lines.last == "", "the text still ends in exactly one newline")
        #expect(lines.dropLast().last == "custom_total 1")
    }

    @Test func readinessListsWhatIsMissingInOrder() {
        let readiness = Readiness()
        readiness.require("broker reached", "sink reached")
        #expect(readiness.unmet == ["starting", "broker reached", "sink reached"])
        readiness.markStarted()
        readiness.set("sink reached", true)
        #expect(readiness.isStarted)
        #expect(readiness.unmet == ["broker reached"])
        readiness.set("broker reached", true)
        #expect(readiness.unmet.isEmpty)
        readiness.set("sink reached", false)
        #expect(readiness.unmet == ["sink reached"])
    }

    @Test func aPeerIsReachableOnlyWithinItsSilenceWindow() {
        var watch = PeerWatch(name: "broker", endpoint: "tcp://127.0.0.1:1", silenceMilliseconds: 3_000, now: 0)
        #expect(!watch.isReachable(now: 0), "never heard from: not reachable")
        watch.heard(now: 1_000)
        #expect(watch.isReachable(now: 4_000))
        #expect(!watch.isReachable(now: 4_001))
        #expect(watch.condition.hasPrefix("broker reached ("))
    }
}
