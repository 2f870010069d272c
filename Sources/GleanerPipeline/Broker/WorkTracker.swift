import ZeroMQ

/// The broker's bookkeeping, apart from sockets so it can be tested alone: which
/// journaled documents wait, which are leased to which worker until when, and which
/// workers have credit. A lease ends in DONE (finished), or it is requeued when its
/// worker hands it back, says goodbye, falls silent, or overruns the lease deadline.
struct WorkTracker {
    struct Lease {
        var worker: Frame
        var deadline: Int64
        var dispatchedAt: Int64
    }

    struct Worker {
        var credit = 0
        var lastSeen: Int64
        var leases: Set<UInt64> = []
        var draining = false
    }

    private(set) var queue = RingQueue<UInt64>()
    private var queued: Set<UInt64> = []
    private(set) var leases: [UInt64: Lease] = [:]
    /// Deliveries that did not end in DONE: a lease that expired or whose worker died.
    private(set) var failedDeliveries: [UInt64: Int] = [:]
    private(set) var workers: [Frame: Worker] = [:]
    /// Workers in least-recently-served order (zguide's load-balancing pattern).
    private var rotation: [Frame] = []

    var queueDepth: Int { queued.count }
    var inFlight: Int { leases.count }

    mutating func enqueue(_ sequence: UInt64, front: Bool = false) {
        guard !queued.contains(sequence), leases[sequence] == nil else { return }
        queued.insert(sequence)
        if front { queue.prepend(sequence) } else { queue.append(sequence) }
    }

    // MARK: workers

    mutating func heard(from worker: Frame, now: Int64) -> Bool {
        guard workers[worker] != nil else { return false }
        workers[worker]!.lastSeen = now
        return true
    }

    mutating func grant(_ credit: Int, to worker: Frame, now: Int64) {
        if workers[worker] == nil {
            workers[worker] = Worker(lastSeen: now)
            rotation.append(worker)
        }
        workers[worker]!.lastSeen = now
        if !workers[worker]!.draining { workers[worker]!.credit += credit }
    }

    mutating func drain(_ worker: Frame) {
        workers[worker]?.draining = true
        workers[worker]?.credit = 0
    }

    /// A worker left or fell silent: everything it held goes back to the front.
    @discardableResult
    mutating func remove(_ worker: Frame, failed: Bool) -> [UInt64] {
        guard let state = workers.removeValue(forKey: worker) else { return [] }
        rotation.removeAll { $0 == worker }
        for sequence in state.leases.sorted().reversed() {
            leases[sequence] = nil
            if failed { failedDeliveries[sequence, default: 0] += 1 }
            enqueue(sequence, front: true)
        }
        return state.leases.sorted()
    }

    mutating func silentWorkers(now: Int64, timeout: Int64) -> [Frame] {
        workers.filter { now - $0.value.lastSeen > timeout }.map(\.key)
    }

    // MARK: dispatch

    /// The next (document, worker) pair to send, consuming one credit.
    mutating func nextDispatch(now: Int64, leaseMilliseconds: Int64) -> (sequence: UInt64, worker: Frame)? {
        guard !queue.isEmpty, let position = rotation.firstIndex(where: { (workers[$0]?.credit ?? 0) > 0 }) else {
            return nil
        }
        let worker = rotation.remove(at: position)
        rotation.append(worker)
        while let sequence = queue.popFirst() {
            guard queued.remove(sequence) != nil else { continue }
            workers[worker]!.credit -= 1
            workers[worker]!.leases.insert(sequence)
            leases[sequence] = Lease(worker: worker, deadline: now + leaseMilliseconds, dispatchedAt: now)
            return (sequence, worker)
        }
        return nil
    }

    /// Undoes a dispatch whose send failed because the worker is gone.
    mutating func unsent(_ sequence: UInt64) {
        guard let lease = leases.removeValue(forKey: sequence) else { return }
        workers[lease.worker]?.leases.remove(sequence)
        enqueue(sequence, front: true)
    }

    func attempt(of sequence: UInt64) -> Int { (failedDeliveries[sequence] ?? 0) + 1 }

    // MARK: completion

    /// The result is durable. Returns the lease if this sequence was still leased.
    @discardableResult
    mutating func finish(_ sequence: UInt64) -> Lease? {
        failedDeliveries[sequence] = nil
        if queued.remove(sequence) != nil {
            // Requeued meanwhile (its first worker looked dead) but finished after all;
            // the stale queue entry is skipped when it reaches the front.
        }
        guard let lease = leases.removeValue(forKey: sequence) else { return nil }
        workers[lease.worker]?.leases.remove(sequence)
        return lease
    }

    mutating func giveBack(_ sequence: UInt64, from worker: Frame) {
        guard leases[sequence]?.worker == worker else { return }
        leases[sequence] = nil
        workers[worker]?.leases.remove(sequence)
        enqueue(sequence, front: true)
    }

    /// Leases past their deadline: the worker is alive but stuck on them (a heartbeat
    /// thread can be healthy while extraction hangs), so they go to someone else.
    mutating func expireLeases(now: Int64) -> [UInt64] {
        let expired = leases.filter { $0.value.deadline < now }.map(\.key).sorted()
        for sequence in expired.reversed() {
            let lease = leases.removeValue(forKey: sequence)!
            workers[lease.worker]?.leases.remove(sequence)
            failedDeliveries[sequence, default: 0] += 1
            enqueue(sequence, front: true)
        }
        return expired
    }
}
