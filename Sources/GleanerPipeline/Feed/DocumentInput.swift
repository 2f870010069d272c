import GleanerCore

#if canImport(Glibc)
import Glibc
#endif

/// One document for `gleaner extract`: a .txt/.html file wrapped as a record, or a
/// JSON record from a file or stdin. Stdin that is plainly not JSON (it does not
/// start with `{`) is taken as a plain-text document, so `echo text | gleaner extract` works.
public enum DocumentInput {
    public static func read(_ path: String) throws -> [UInt8] {
        if path != "-" {
            let lower = path.lowercased()
            if lower.hasSuffix(".txt") || lower.hasSuffix(".text") {
                return try InputSource.record(forDocumentAt: path, contentType: .plainText)
            }
            if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
                return try InputSource.record(forDocumentAt: path, contentType: .html)
            }
        }
        let file = path == "-" ? FileDescriptor(raw: 0, path: "stdin") : try FileDescriptor.openForReading(path)
        defer { if path != "-" { file.close() } }
        let bytes = try file.readToEnd()
        let firstVisible = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if firstVisible != UInt8(ascii: "{"), let text = String(validating: bytes, as: UTF8.self) {
            return JSONWriter.encode(.object([JSONMember("content", .string(text))]))
        }
        return bytes
    }

}
