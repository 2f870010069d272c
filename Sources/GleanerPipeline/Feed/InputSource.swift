import GleanerCore
import GleanerHTML

#if canImport(Glibc)
import Glibc
#endif

/// Everything `feed` and `run` accept, turned into a lazy stream of raw input
/// messages: JSON Lines files and stdin line by line (each line sent as is, garbage
/// included, so bad input becomes an error record rather than a feeder crash), and
/// `.txt`/`.html` files wrapped into a contract record. Directories are walked.
public final class InputSource {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private var paths: [String]
    private var currentLines: LineReader?
    public private(set) var skipped: [String] = []

    public init(_ inputs: [String]) throws {
        var expanded: [String] = []
        for input in inputs {
            if input == "-" {
                expanded.append(input)
            } else if Self.isDirectory(input) {
                expanded.append(contentsOf: try Self.walk(input))
            } else if FileDescriptor.exists(input) {
                expanded.append(input)
            } else {
                throw Failure(description: "no such file or directory: \(input)")
            }
        }
        paths = expanded.reversed()
    }

    public func next() throws -> [UInt8]? {
        while true {
            if let reader = currentLines {
                if let line = try reader.nextLine() {
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    return line.last == 0x0D ? Array(line.dropLast()) : line
                }
                reader.close()
                currentLines = nil
            }
            guard let path = paths.popLast() else { return nil }
            switch Self.kind(of: path) {
            case .jsonLines:
                currentLines = path == "-" ? LineReader(fd: 0, path: "stdin") : try LineReader(path: path)
            case .document(let contentType):
                return try Self.record(forDocumentAt: path, contentType: contentType)
            case .unknown:
                skipped.append(path)
            }
        }
    }

    private enum Kind {
        case jsonLines
        case document(InputDocument.ContentType)
        case unknown
    }

    private static func kind(of path: String) -> Kind {
        if path == "-" { return .jsonLines }
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") { return .jsonLines }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return .document(.plainText) }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .document(.html) }
        return .unknown
    }

    /// A text or HTML file becomes `{"content", "contentType", "metadata": {"path"}}`;
    /// its id is derived from the content, as the contract says.
    static func record(forDocumentAt path: String, contentType: InputDocument.ContentType) throws -> [UInt8] {
        let file = try FileDescriptor.openForReading(path)
        defer { file.close() }
        let bytes = try file.readToEnd()
        // A page's bytes are decoded by its declared charset; a text file that is not
        // UTF-8 is decoded with replacement characters rather than refused.
        let content = contentType == .html ? PageBytes.decode(bytes) : String(decoding: bytes, as: UTF8.self)
        let record = JSONValue.object([
            JSONMember("content", .string(content)),
            JSONMember("contentType", .string(contentType.rawValue)),
            JSONMember("metadata", .object([JSONMember("path", .string(path))])),
        ])
        return JSONWriter.encode(record)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func walk(_ directory: String) throws -> [String] {
        guard let handle = opendir(directory) else { throw Failure(description: "cannot read directory \(directory)") }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        var files: [String] = []
        for name in names.sorted() {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if isDirectory(path) {
                files.append(contentsOf: try walk(path))
            } else if case .unknown = kind(of: path) {
                continue
            } else {
                files.append(path)
            }
        }
        return files
    }
}

/// Sequential line reading from a file descriptor (works for pipes as well as files).
final class LineReader {
    private let fd: Int32
    private let path: String
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        ownsDescriptor = false
    }

    convenience init(path: String) throws {
        let file = try FileDescriptor.openForReading(path)
        self.init(fd: file.raw, path: path, owning: true)
    }

    private init(fd: Int32, path: String, owning: Bool) {
        self.fd = fd
        self.path = path
        ownsDescriptor = owning
    }

    func close() {
        if ownsDescriptor { _ = Glibc.close(fd) }
    }

    func nextLine() throws -> [UInt8]? {
        // Where the newline search resumes: a 50 MB line arrives in many reads, and
        // searching it from its start after each would be quadratic.
        var searchFrom = position
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            searchFrom = buffer.count
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileDescriptor.Failure(operation: "read", path: path, code: errno)
            }
            if count == 0 { finished = true } else { buffer.append(contentsOf: chunk.prefix(count)) }
        }
    }
}
