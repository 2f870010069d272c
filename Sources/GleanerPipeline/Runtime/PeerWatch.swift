import Logging

/// Whether a peer a process connects to (a worker's broker and sink, a feeder's
/// broker) answers its heartbeats. It feeds the worker's `/readyz`, warns once when the peer has been silent for
/// `warnAfterMilliseconds` (10 s; from the start if it never answered), and says so
/// when the peer answers again, so an operator sees a cut link in the log.
struct PeerWatch {
    let name: String
    let endpoint: String
    /// Silent this long: not reachable (the heartbeat is every second).
    let silenceMilliseconds: Int64
    let warnAfterMilliseconds: Int64
    private var lastHeard: Int64?
    private var silentSince: Int64
    private var warned = false

    init(name: String, endpoint: String, silenceMilliseconds: Int64, warnAfterMilliseconds: Int64 = 10_000, now: Int64) {
        self.name = name
        self.endpoint = endpoint
        self.silenceMilliseconds = silenceMilliseconds
        self.warnAfterMilliseconds = warnAfterMilliseconds
        self.silentSince = now
    }

    /// The readiness condition this peer stands for, one per endpoint: a worker serving
    /// several brokers is ready when it hears from every one.
    var condition: String { "\(name) reached (\(endpoint))" }

    mutating func heard(now: Int64) {
        lastHeard = now
    }

    func isReachable(now: Int64) -> Bool {
        guard let lastHeard else { return false }
        return now - lastHeard <= silenceMilliseconds
    }

    /// Called every heartbeat: updates readiness and logs the transitions.
    mutating func check(now: Int64, logger: Logger, readiness: Readiness? = nil) {
        let reachable = isReachable(now: now)
        readiness?.set(condition, reachable)
        if reachable {
            silentSince = now
            if warned {
                warned = false
                logger.info("\(name) reachable again", metadata: ["endpoint": "\(endpoint)"])
            }
        } else if !warned && now - silentSince >= warnAfterMilliseconds {
            warned = true
            logger.warning(
                "\(name) unreachable",
                metadata: ["endpoint": "\(endpoint)", "silent-seconds": "\((now - silentSince) / 1000)"])
        }
    }
}
