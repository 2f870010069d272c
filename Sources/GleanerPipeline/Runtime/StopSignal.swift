import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A process-wide "please stop" that socket-owning threads check between polls.
/// Signals cannot interrupt a blocked libzmq call, so every loop polls with a short
/// timeout and looks here.
public final class StopSignal: Sendable {
    private let requested = Atomic<Bool>(false)
    /// Only touched by `trapTerminationSignals`, which a process calls once from main
    /// before starting threads; kept so the sources stay alive.
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []

    public init() {}

    public var isRequested: Bool { requested.load(ordering: .acquiring) }

    public func request() {
        requested.store(true, ordering: .releasing)
    }

    /// Routes SIGTERM and SIGINT here instead of killing the process.
    public func trapTerminationSignals(onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                onSignal(signalNumber)
                request()
            }
            source.resume()
            sources.append(source)
        }
    }
}
