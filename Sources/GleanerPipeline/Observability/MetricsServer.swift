import Foundation
import GleanerCore
import Logging
import Metrics
import Prometheus
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Serves `/metrics` (Prometheus text format), `/healthz` (liveness) and `/readyz`
/// (readiness), for GET and HEAD, on a port of its own. Deliberately tiny: a scrape
/// every few seconds needs no HTTP framework, and SwiftNIO would double the build for
/// three fixed routes. Each connection gets a thread of its own and a deadline, so an
/// idle or slow client never delays a probe (Kubernetes gives a probe one second).
public final class MetricsServer: Sendable {
    public let port: Int
    private let listener: Int32
    private let registry: PrometheusCollectorRegistry
    private let readiness: Readiness
    private let stopped = Atomic<Bool>(false)
    private let connections = Atomic<Int>(0)

    /// Connections served at once; past this a client is told 503 at once rather than
    /// queued behind the others.
    static let maxConnections = 32
    /// A client has this long to send its request and take the answer.
    static let clientDeadlineSeconds = 5

    /// Binds now, so a taken port is reported at start-up, not at the first scrape.
    /// `address`: the IPv4 address to listen on ("127.0.0.1" keeps metrics and probes on
    /// the host); all interfaces by default, where a Prometheus elsewhere scrapes.
    public init(port: Int, address: String = "0.0.0.0", registry: PrometheusCollectorRegistry, readiness: Readiness) throws {
        var listenAddress = in_addr()
        guard inet_pton(AF_INET, address, &listenAddress) == 1 else {
            throw ConfigurationError("metrics: \(address) is not an IPv4 address")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ConfigurationError("metrics: socket() failed") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
        socketAddress.sin_addr = listenAddress
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
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
        self.readiness = readiness
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
            Self.setDeadline(client)
            guard connections.add(1, ordering: .acquiringAndReleasing).newValue <= Self.maxConnections else {
                connections.subtract(1, ordering: .releasing)
                Self.write(client, HTTPResponse(status: "503 Service Unavailable", body: "busy\n"), head: false)
                close(client)
                continue
            }
            let thread = Thread { [self] in
                defer {
                    close(client)
                    connections.subtract(1, ordering: .releasing)
                }
                respond(client)
            }
            thread.name = "gleaner-metrics-client"
            thread.start()
        }
    }

    private static func setDeadline(_ client: Int32) {
        var timeout = timeval(tv_sec: clientDeadlineSeconds, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    private func respond(_ client: Int32) {
        guard let request = HTTPRequestLine.read(client) else { return }
        let response: HTTPResponse
        switch (request.method, request.path) {
        case ("GET", let path), ("HEAD", let path):
            response = route(path)
        default:
            response = HTTPResponse(status: "405 Method Not Allowed", body: "GET or HEAD\n", extraHeaders: "Allow: GET, HEAD\r\n")
        }
        Self.write(client, response, head: request.method == "HEAD")
    }

    private func route(_ path: String) -> HTTPResponse {
        switch path {
        case "/metrics":
            var text: [UInt8] = []
            registry.emit(into: &text)
            return HTTPResponse(
                status: "200 OK", contentType: "text/plain; version=0.0.4; charset=utf-8", bytes: MetricHelp.annotate(text))
        case "/healthz":
            return readiness.isStarted
                ? HTTPResponse(status: "200 OK", body: "ok\n")
                : HTTPResponse(status: "503 Service Unavailable", body: "starting\n")
        case "/readyz":
            let unmet = readiness.unmet
            return unmet.isEmpty
                ? HTTPResponse(status: "200 OK", body: "ready\n")
                : HTTPResponse(status: "503 Service Unavailable", body: "not ready: \(unmet.joined(separator: ", "))\n")
        default:
            return HTTPResponse(status: "404 Not Found", body: "not found\n")
        }
    }

    private static func write(_ client: Int32, _ response: HTTPResponse, head: Bool) {
        var bytes = Array(
            ("HTTP/1.1 \(response.status)\r\nContent-Type: \(response.contentType)\r\nContent-Length: \(response.body.count)\r\n"
                + "\(response.extraHeaders)Connection: close\r\n\r\n").utf8)
        if !head { bytes.append(contentsOf: response.body) }
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(client, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }
}

struct HTTPResponse {
    var status: String
    var contentType = "text/plain"
    var body: [UInt8]
    var extraHeaders = ""

    init(status: String, contentType: String = "text/plain", bytes: [UInt8], extraHeaders: String = "") {
        self.status = status
        self.contentType = contentType
        self.body = bytes
        self.extraHeaders = extraHeaders
    }

    init(status: String, body: String, extraHeaders: String = "") {
        self.init(status: status, bytes: Array(body.utf8), extraHeaders: extraHeaders)
    }
}

/// The first line of an HTTP request, read until the end of the headers (which are
/// ignored), 8 KiB at most, within the socket's receive deadline.
struct HTTPRequestLine {
    var method: String
    var path: String

    static func read(_ client: Int32) -> HTTPRequestLine? {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 2048)
        let end: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        while received.count < 8192 && received.firstRange(of: end) == nil {
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            received += chunk.prefix(count)
        }
        let firstLine = String(decoding: received.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        let parts = firstLine.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        return HTTPRequestLine(method: String(parts[0]), path: parts[1].split(separator: "?").first.map(String.init) ?? "")
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
            BuildInfo.record()
            existing = registry
            return registry
        }
    }
}
