import Foundation
import Testing

@testable import ZeroMQ

@Suite struct SocketTests {
    @Test func multipartMessagesArriveWholeWithExactBytes() throws {
        let context = try Context()
        defer { context.terminate() }
        let pull = try Socket(context, .pull)
        try pull.bind("inproc://multipart")
        let push = try Socket(context, .push)
        try push.connect("inproc://multipart")
        let large = Frame((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let unicode = Frame("Zürich — 北京 — Київ".utf8)
        #expect(try push.send([unicode, [], large]))
        let received = try #require(try pull.receive())
        #expect(received.count == 3)
        #expect(received[0] == unicode)
        #expect(received[1].isEmpty)
        #expect(received[2] == large)
        push.close()
        pull.close()
    }

    @Test func receiveWithoutWaitingReturnsNilWhenNothingIsQueued() throws {
        let context = try Context()
        defer { context.terminate() }
        let pull = try Socket(context, .pull)
        try pull.bind("inproc://empty")
        #expect(try pull.receive(dontWait: true) == nil)
        pull.close()
    }

    @Test func routerRepliesReachTheDealerThatAsked() throws {
        let context = try Context()
        defer { context.terminate() }
        let router = try Socket(context, .router)
        try router.set(.routerMandatory(true))
        try router.bind("tcp://127.0.0.1:*")
        let endpoint = router.lastEndpoint
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        let dealers = try (0..<2).map { index -> Socket in
            let dealer = try Socket(context, .dealer)
            try dealer.setRoutingID(Array("dealer-\(index)".utf8))
            try dealer.connect(endpoint)
            return dealer
        }
        for (index, dealer) in dealers.enumerated() { try dealer.send([Array("hello \(index)".utf8)]) }
        for _ in 0..<2 {
            let request = try #require(try router.receive())
            #expect(request.count == 2)
            #expect(try router.send([request[0], Array("reply to ".utf8) + request[1]]))
        }
        for (index, dealer) in dealers.enumerated() {
            let reply = try #require(try dealer.receive())
            #expect(String(decoding: reply[0], as: UTF8.self) == "reply to hello \(index)")
        }
        dealers.forEach { $0.close() }
        router.close()
    }

    @Test func mandatoryRouterReportsAnUnknownPeerInsteadOfDropping() throws {
        let context = try Context()
        defer { context.terminate() }
        let router = try Socket(context, .router)
        try router.set(.routerMandatory(true))
        try router.bind("inproc://mandatory")
        #expect(try router.send([Array("nobody".utf8), Array("lost?".utf8)], dontWait: true) == false)
        router.close()
    }

    @Test func immediateDealerRefusesToQueueForAPeerThatIsNotThere() throws {
        let context = try Context()
        defer { context.terminate() }
        let dealer = try Socket(context, .dealer, linger: 0)
        try dealer.set(.immediate(true))
        try dealer.connect("tcp://127.0.0.1:1")
        #expect(try dealer.send([Array("into the void".utf8)], dontWait: true) == false)
        dealer.close()
    }

    @Test func contextShutdownWakesABlockedReceiveWithETERM() throws {
        let context = try Context()
        let outcome = ThreadOutcome()
        let thread = Thread {
            do {
                let pull = try Socket(context, .pull)
                defer { pull.close() }
                try pull.bind("inproc://blocked")
                _ = try pull.receive()
                outcome.set("returned")
            } catch let error as ZMQError {
                outcome.set(error.isContextTerminated ? "ETERM" : "\(error)")
            } catch {
                outcome.set("\(error)")
            }
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.1)
        context.shutdown()
        let deadline = Date().addingTimeInterval(5)
        while outcome.value == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(outcome.value == "ETERM")
        context.terminate()
    }

    @Test func pollerReportsOnlyTheReadableSocket() throws {
        let context = try Context()
        defer { context.terminate() }
        let quiet = try Socket(context, .pull)
        try quiet.bind("inproc://quiet")
        let busy = try Socket(context, .pull)
        try busy.bind("inproc://busy")
        let push = try Socket(context, .push)
        try push.connect("inproc://busy")
        try push.send([[1, 2, 3]])
        var poller = Poller()
        poller.add(quiet)
        poller.add(busy)
        #expect(try poller.poll(timeoutMilliseconds: 1000) == [false, true])
        [quiet, busy, push].forEach { $0.close() }
    }

    @Test func errorsNameTheFailedCallAndLibzmqsReason() throws {
        let context = try Context()
        defer { context.terminate() }
        let socket = try Socket(context, .pull)
        defer { socket.close() }
        #expect(throws: ZMQError.self) { try socket.bind("nonsense://endpoint") }
        do {
            try socket.bind("nonsense://endpoint")
        } catch let error as ZMQError {
            #expect(error.description.contains("zmq_bind(nonsense://endpoint)"))
        }
    }
}

final class ThreadOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    var value: String? { lock.withLock { stored } }
    func set(_ value: String) { lock.withLock { stored = value } }
}
