import Synchronization

/// What a process's probes answer. `/healthz` (liveness): the component has been built,
/// so the process is not stuck loading or starting. `/readyz` (readiness): every
/// condition the component declared holds, e.g. a worker has heard from its broker and
/// its sink, a broker or sink has bound its sockets. Kubernetes restarts on the first
/// and only routes or counts on the second; a worker whose broker is down is alive
/// (restarting it would not help) but not ready.
public final class Readiness: Sendable {
    private struct State {
        var started = false
        var conditions: [(name: String, met: Bool)] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Declares conditions, unmet until `set` says otherwise.
    public func require(_ names: String...) {
        state.withLock { state in
            for name in names where !state.conditions.contains(where: { $0.name == name }) {
                state.conditions.append((name, false))
            }
        }
    }

    public func set(_ name: String, _ met: Bool) {
        state.withLock { state in
            if let index = state.conditions.firstIndex(where: { $0.name == name }) {
                state.conditions[index].met = met
            } else {
                state.conditions.append((name, met))
            }
        }
    }

    public func markStarted() {
        state.withLock { $0.started = true }
    }

    public var isStarted: Bool { state.withLock { $0.started } }

    /// Why the process is not ready, in declaration order; empty when it is.
    public var unmet: [String] {
        state.withLock { state in
            (state.started ? [] : ["starting"]) + state.conditions.filter { !$0.met }.map(\.name)
        }
    }
}
