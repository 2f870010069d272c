import Foundation
import Logging
import Metrics
import Prometheus
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Serves `GET /metrics` (Prometheus text format) and `GET /healthz` on a port of
/// its own, from one thread. Deliberately tiny: a scrape every few seconds needs no
/// HTTP framework, and SwiftNIO would double the build for two fixed routes.
public final class MetricsServer: Sendable {
    public let port: Int
    private let listener: Int32
    private let registry: PrometheusCollectorRegistry
    private let health: @Sendable () -> Bool
    private let stopped = Atomic<Bool>(false)

    /// Binds now, so a taken port is reported at start-up, not at the first scrape.
    public init(port: Int, registry: PrometheusCollectorRegistry, health: @escaping @Sendable () -> Bool = { true }) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ConfigurationError("metrics: socket() failed") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: INADDR_ANY)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ConfigurationError("metrics: cannot listen on port \(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        self.listener = fd
        self.registry = registry
        self.health = health
    }

    public func start() {
        let thread = Thread { [self] in serve() }
        thread.name = "gleaner-metrics"
        thread.start()
    }

    public func stop() {
        stopped.store(true, ordering: .releasing)
    }

    private func serve() {
        defer { close(listener) }
        while !stopped.load(ordering: .acquiring) {
            var pollItem = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pollItem, 1, 200) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            respond(client)
            close(client)
        }
    }

    private func respond(_ client: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = [UInt8](repeating: 0, count: 4096)
        let count = request.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return }
        let firstLine = String(decoding: request.prefix(count).prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        let parts = firstLine.split(separator: " ")
        let path = parts.count >= 2 ? parts[1].split(separator: "?").first.map(String.init) ?? "" : ""
        let (status, contentType, body): (String, String, [UInt8])
        switch (parts.first, path) {
        case ("GET", "/metrics"):
            var text: [UInt8] = []
            registry.emit(into: &text)
            (status, contentType, body) = ("200 OK", "text/plain; version=0.0.4; charset=utf-8", text)
        case ("GET", "/healthz"):
            let healthy = health()
            (status, contentType, body) = (
                healthy ? "200 OK" : "503 Service Unavailable", "text/plain", Array((healthy ? "ok\n" : "unhealthy\n").utf8)
            )
        default:
            (status, contentType, body) = ("404 Not Found", "text/plain", Array("not found\n".utf8))
        }
        var response = Array("HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
        response.append(contentsOf: body)
        var sent = 0
        while sent < response.count {
            let n = response.withUnsafeBytes { send(client, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }
}

/// Installs the Prometheus backend for swift-metrics once per process.
public enum MetricsBootstrap {
    private static let shared = Mutex<PrometheusCollectorRegistry?>(nil)

    public static func registry() -> PrometheusCollectorRegistry {
        shared.withLock { existing in
            if let existing { return existing }
            let registry = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: registry)
            // Extraction is milliseconds; the default buckets start at 5 ms.
            factory.defaultDurationHistogramBuckets = [
                .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5),
                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
            ]
            MetricsSystem.bootstrap(factory)
            existing = registry
            return registry
        }
    }
}
