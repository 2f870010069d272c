#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file calls the journal and the result log need, with errno turned
/// into Swift errors. Plain syscalls rather than FileHandle: durability here depends
/// on knowing exactly which write and which fsync happened.
struct FileDescriptor {
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let path: String
        let code: Int32
        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    let raw: Int32
    let path: String

    static func open(_ path: String, append: Bool = false) throws -> FileDescriptor {
        let flags = O_RDWR | O_CREAT | O_CLOEXEC | (append ? O_APPEND : 0)
        let fd = Glibc.open(path, flags, 0o644)
        guard fd >= 0 else { throw Failure(operation: "open", path: path, code: errno) }
        return FileDescriptor(raw: fd, path: path)
    }

    /// Inputs are opened read-only: a mistyped path must fail, not create a file.
    static func openForReading(_ path: String) throws -> FileDescriptor {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open", path: path, code: errno) }
        return FileDescriptor(raw: fd, path: path)
    }

    func close() {
        _ = Glibc.close(raw)
    }

    /// Reads sequentially to end of file; works on pipes, where `size` means nothing.
    func readToEnd() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(raw, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "read", path: path, code: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk.prefix(count))
        }
    }

    var size: Int {
        get throws {
            var info = stat()
            guard fstat(raw, &info) == 0 else { throw Failure(operation: "fstat", path: path, code: errno) }
            return Int(info.st_size)
        }
    }

    /// Whether `path` still names this open file: false once it was renamed or removed.
    func isStill(at path: String) throws -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(raw, &open) == 0 else { throw Failure(operation: "fstat", path: self.path, code: errno) }
        guard stat(path, &named) == 0 else { return false }
        return open.st_ino == named.st_ino && open.st_dev == named.st_dev
    }

    /// Writes all bytes, looping over short writes and EINTR.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(raw, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "write", path: path, code: errno)
                }
                done += n
            }
        }
    }

    func read(count: Int, at offset: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while done < count {
                let n = pread(raw, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "pread", path: path, code: errno)
                }
                if n == 0 { break }
                done += n
            }
        }
        return done == count ? bytes : Array(bytes.prefix(done))
    }

    /// An fsync failure is fatal by design: after one, the kernel may have dropped the
    /// dirty pages and a retry can falsely succeed, so the caller must not ack.
    func sync() throws {
        guard fsync(raw) == 0 else { throw Failure(operation: "fsync", path: path, code: errno) }
    }

    func truncate(to length: Int) throws {
        guard ftruncate(raw, off_t(length)) == 0 else { throw Failure(operation: "ftruncate", path: path, code: errno) }
    }

    func seekToEnd() throws {
        guard lseek(raw, 0, SEEK_END) >= 0 else { throw Failure(operation: "lseek", path: path, code: errno) }
    }

    /// A new or renamed file's directory entry is durable only once its directory is synced.
    static func syncDirectory(_ path: String) throws {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open", path: path, code: errno) }
        defer { _ = Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw Failure(operation: "fsync", path: path, code: errno) }
    }

    static func makeDirectory(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw Failure(operation: "mkdir", path: current, code: errno)
            }
        }
    }

    static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw Failure(operation: "rename", path: from, code: errno) }
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}

/// Reads a file front to back in large chunks and hands out its lines (without the
/// newline) with their byte offsets; the last, unterminated piece is reported apart.
struct LineScanner {
    let file: FileDescriptor
    /// Where to begin: the start of a line (a checkpoint), 0 for the whole file.
    var start = 0
    var chunkSize = 4 * 1024 * 1024

    /// Calls `body` for each complete line; returns the offset just past the last one.
    func forEachLine(_ body: (ArraySlice<UInt8>, Int) throws -> Void) throws -> Int {
        var offset = start
        var carry: [UInt8] = []
        var carryStart = start
        while true {
            let chunk = try file.read(count: chunkSize, at: offset)
            if chunk.isEmpty { break }
            offset += chunk.count
            var buffer = carry
            buffer.append(contentsOf: chunk)
            var lineStart = 0
            while let newline = buffer[lineStart...].firstIndex(of: 0x0A) {
                try body(buffer[lineStart..<newline], carryStart + lineStart)
                lineStart = newline + 1
            }
            carryStart += lineStart
            carry = Array(buffer[lineStart...])
        }
        return carryStart
    }
}

/// Writes straight to file descriptor 2: C's `stderr` global is not concurrency-safe.
func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
}
