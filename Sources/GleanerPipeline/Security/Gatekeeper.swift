import Logging
import Synchronization
import ZeroMQ

/// The ZAP handler of a CURVE-protected process: admits clients whose public key is on
/// the allow-list, and logs and counts every refusal. A refused client never completes
/// its handshake, so not one of its messages reaches a socket (or the journal).
final class Gatekeeper: Sendable {
    private let handler: ZAPHandler

    /// Started before any socket binds (libzmq lets everyone in while no handler
    /// listens); nil for plaintext.
    static func start(_ security: ServerSecurity, context: Context, logger: Logger) throws -> Gatekeeper? {
        guard case .curve(_, let allowed) = security else { return nil }
        let gatekeeper = try Gatekeeper(allowed: allowed, context: context, logger: logger)
        logger.info("CURVE on; clients allowed", metadata: ["keys": "\(allowed.count)"])
        return gatekeeper
    }

    private init(allowed: Set<String>, context: Context, logger: Logger) throws {
        let metrics = SecurityMetrics()
        let logged = RefusalLog()
        handler = try ZAPHandler(context: context) { request in
            guard let key = request.curvePublicKey, allowed.contains(key) else {
                let reason = request.curvePublicKey == nil ? "not a CURVE client" : "public key not on the allow-list"
                metrics.refused.increment()
                if logged.shouldLog(request.curvePublicKey ?? request.address) {
                    logger.warning(
                        "client refused",
                        metadata: [
                            "reason": "\(reason)", "address": "\(request.address)",
                            "public-key": "\(request.curvePublicKey ?? "-")", "mechanism": "\(request.mechanism)",
                        ])
                }
                return reason
            }
            metrics.admitted.increment()
            return nil
        }
    }

    func stop() {
        handler.stop()
    }
}

/// A refused client reconnects every few hundred milliseconds: each is counted, but
/// each key is logged at most once a minute so the log stays readable.
private final class RefusalLog: Sendable {
    private let lastLogged = Mutex<[String: Int64]>([:])

    func shouldLog(_ key: String) -> Bool {
        let now = MonotonicClock.milliseconds
        return lastLogged.withLock { seen in
            if let last = seen[key], now - last < 60_000 { return false }
            if seen.count > 10_000 { seen.removeAll() }
            seen[key] = now
            return true
        }
    }
}
