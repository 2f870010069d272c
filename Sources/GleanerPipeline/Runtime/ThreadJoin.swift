import Foundation
import Synchronization

/// Runs bodies on threads of their own and waits for all of them: how one process
/// drives one component per broker (each component's sockets stay on its thread).
enum ThreadJoin {
    /// Results in the order of `bodies`; `onFailure` runs on the failing thread at once,
    /// so it can ask the others to stop.
    static func run<Value: Sendable>(
        named name: String, _ bodies: [@Sendable () throws -> Value], onFailure: @escaping @Sendable () -> Void = {}
    ) -> [Result<Value, any Error>] {
        let results = Results<Value>(count: bodies.count)
        let finished = DispatchGroup()
        for (index, body) in bodies.enumerated() {
            finished.enter()
            let thread = Thread {
                let outcome = Result { try body() }
                if case .failure = outcome { onFailure() }
                results.list.withLock { $0[index] = outcome }
                finished.leave()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
        finished.wait()
        return results.list.withLock { $0.map { $0! } }
    }

    private final class Results<Value: Sendable>: Sendable {
        let list: Mutex<[Result<Value, any Error>?]>
        init(count: Int) { list = Mutex(Array(repeating: nil, count: count)) }
    }
}
