import Testing
import ZeroMQ

@testable import GleanerPipeline

@Suite struct WorkTrackerTests {
    let alice = Frame("alice".utf8)
    let bob = Frame("bob".utf8)

    @Test func dispatchesOnlyAgainstCreditAndRotatesWorkers() {
        var tracker = WorkTracker()
        for sequence in 1...5 as ClosedRange<UInt64> { tracker.enqueue(sequence) }
        #expect(tracker.nextDispatch(now: 0, leaseMilliseconds: 1000) == nil, "no credit, no dispatch")
        tracker.grant(2, to: alice, now: 0)
        tracker.grant(1, to: bob, now: 0)
        var handedTo: [Frame] = []
        while let (_, worker) = tracker.nextDispatch(now: 0, leaseMilliseconds: 1000) { handedTo.append(worker) }
        #expect(handedTo == [alice, bob, alice])
        #expect(tracker.inFlight == 3)
        #expect(tracker.queueDepth == 2)
    }

    @Test func aDeadWorkersDocumentsGoBackToTheFrontAsFailedDeliveries() {
        var tracker = WorkTracker()
        for sequence in 1...3 as ClosedRange<UInt64> { tracker.enqueue(sequence) }
        tracker.grant(2, to: alice, now: 0)
        _ = tracker.nextDispatch(now: 0, leaseMilliseconds: 1000)
        _ = tracker.nextDispatch(now: 0, leaseMilliseconds: 1000)
        #expect(tracker.silentWorkers(now: 6000, timeout: 5000) == [alice])
        #expect(tracker.remove(alice, failed: true) == [1, 2])
        tracker.grant(3, to: bob, now: 6000)
        let order = (0..<3).compactMap { _ in tracker.nextDispatch(now: 6000, leaseMilliseconds: 1000)?.sequence }
        #expect(order == [1, 2, 3])
        #expect(tracker.attempt(of: 1) == 2)
        #expect(tracker.attempt(of: 3) == 1)
    }

    @Test func expiredLeasesAreRequeuedAndFinishedOnesAreNot() {
        var tracker = WorkTracker()
        tracker.enqueue(1)
        tracker.enqueue(2)
        tracker.grant(2, to: alice, now: 0)
        _ = tracker.nextDispatch(now: 0, leaseMilliseconds: 100)
        _ = tracker.nextDispatch(now: 0, leaseMilliseconds: 100)
        #expect(tracker.finish(1) != nil)
        #expect(tracker.expireLeases(now: 50).isEmpty)
        #expect(tracker.expireLeases(now: 101) == [2])
        #expect(tracker.queueDepth == 1)
        #expect(tracker.attempt(of: 2) == 2)
    }

    @Test func aLateDoneForARequeuedDocumentRemovesItFromTheQueue() {
        var tracker = WorkTracker()
        tracker.enqueue(7)
        tracker.grant(1, to: alice, now: 0)
        _ = tracker.nextDispatch(now: 0, leaseMilliseconds: 100)
        tracker.remove(alice, failed: true)
        #expect(tracker.queueDepth == 1)
        tracker.finish(7)
        tracker.grant(1, to: bob, now: 0)
        #expect(tracker.nextDispatch(now: 0, leaseMilliseconds: 100) == nil, "a finished document is never sent again")
    }

    @Test func drainingWorkersGetNoMoreWorkAndReturnedDocumentsKeepTheirAttempt() {
        var tracker = WorkTracker()
        tracker.enqueue(1)
        tracker.enqueue(2)
        tracker.grant(1, to: alice, now: 0)
        let first = tracker.nextDispatch(now: 0, leaseMilliseconds: 100)
        #expect(first?.sequence == 1)
        tracker.drain(alice)
        tracker.grant(5, to: alice, now: 0)
        #expect(tracker.nextDispatch(now: 0, leaseMilliseconds: 100) == nil)
        tracker.giveBack(1, from: alice)
        #expect(tracker.attempt(of: 1) == 1)
        tracker.grant(1, to: bob, now: 0)
        #expect(tracker.nextDispatch(now: 0, leaseMilliseconds: 100)?.sequence == 1)
    }

    @Test func leaseTokensRoundTripAndRejectJunk() {
        let token = LeaseToken(journal: "jabc", sequence: 42)
        #expect(LeaseToken(token.frame) == token)
        #expect(LeaseToken(Frame("no-dot".utf8)) == nil)
        #expect(LeaseToken(Frame("j.notanumber".utf8)) == nil)
    }
}
