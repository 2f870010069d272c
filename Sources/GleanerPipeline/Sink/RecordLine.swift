import GleanerCore

/// What the sink reads from and adds to a record line without parsing the record:
/// lines are compact JSON objects with `id` first and (for results) `contentSignature`
/// last, both written that way by the core for the sink's sake.
///
/// The sink adds `"version":N,"supersedes":V|null,"nearDuplicateOf":"id"|null` to
/// results, right after the id member; `body` is what follows that point in the
/// worker's line (before or after the addition), so its digest is the same either way.
enum RecordLine {
    private static let idPrefix = Array(#"{"id":""#.utf8)
    private static let versionKey = Array(#""version":"#.utf8)
    private static let nearKey = Array(#""nearDuplicateOf":"#.utf8)
    private static let signatureKey = Array(#""contentSignature":""#.utf8)

    /// Where the sink's fields go: after `{"id":"...",` when the id needs no escapes
    /// (every line the pipeline writes), else right after `{`.
    static func insertionPoint(_ line: ArraySlice<UInt8>) -> Int {
        let start = line.startIndex
        if line.starts(with: idPrefix) {
            var index = start + idPrefix.count
            while index < line.endIndex, line[index] != UInt8(ascii: "\""), line[index] != UInt8(ascii: "\\") { index += 1 }
            if index + 1 < line.endIndex, line[index] == UInt8(ascii: "\""), line[index + 1] == UInt8(ascii: ",") {
                return index + 2
            }
        }
        return start + 1
    }

    /// The record after its id and after any fields the sink added: what a digest covers.
    static func body(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let point = insertionPoint(line)
        guard point <= line.endIndex, line[point...].starts(with: versionKey),
            let near = firstIndex(of: nearKey, in: line[point...])
        else { return line[min(point, line.endIndex)...] }
        var index = near + nearKey.count
        if index < line.endIndex, line[index] == UInt8(ascii: "\"") {
            index += 1
            while index < line.endIndex, line[index] != UInt8(ascii: "\"") {
                index += line[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1
        } else {
            index += 4  // null
        }
        return line[min(index + 1, line.endIndex)...]  // past the comma
    }

    static func digest(_ line: ArraySlice<UInt8>) -> UInt64 {
        FastHash.hash(body(line), seed: 0x6469_6765)
    }

    /// The line with the sink's fields added.
    static func annotated(
        _ line: [UInt8], version: UInt32, supersedes: UInt32?, nearDuplicateOf: String?
    ) -> [UInt8] {
        let point = insertionPoint(line[...])
        var fields = "\"version\":\(version),\"supersedes\":\(supersedes.map(String.init) ?? "null"),\"nearDuplicateOf\":"
        var writer = JSONWriter(reservingCapacity: 96)
        if let nearDuplicateOf { writer.writeString(nearDuplicateOf) }
        fields += nearDuplicateOf == nil ? "null" : String(decoding: writer.bytes, as: UTF8.self)
        var output = [UInt8]()
        output.reserveCapacity(line.count + fields.utf8.count + 2)
        output.append(contentsOf: line[..<point])
        output.append(contentsOf: fields.utf8)
        // `{}` or a line that ends right after the insertion point needs no comma.
        output.append(point >= line.count || line[point] == UInt8(ascii: "}") ? UInt8(ascii: " ") : UInt8(ascii: ","))
        output.append(contentsOf: line[point...])
        return output
    }

    /// The content signature at the end of a result line, if it has one.
    static func signature(_ line: [UInt8]) -> ContentSignature? {
        let hexCount = ContentSignature.size * 4
        let end = line.count - 2  // before `"}`
        let start = end - hexCount
        guard start - signatureKey.count >= 0, line[end] == UInt8(ascii: "\""), line[end + 1] == UInt8(ascii: "}"),
            line[(start - signatureKey.count)..<start].elementsEqual(signatureKey)
        else { return nil }
        return ContentSignature(hex: line[start..<end])
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        while index <= bytes.endIndex - pattern.count {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

extension RecordLine {
    /// The `version` the sink gave a line it wrote, if any.
    static func version(_ line: ArraySlice<UInt8>) -> UInt32? {
        let point = insertionPoint(line)
        let key = Array(#""version":"#.utf8)
        guard point <= line.endIndex, line[point...].starts(with: key) else { return nil }
        var index = point + key.count
        var value: UInt32 = 0
        while index < line.endIndex, line[index] >= UInt8(ascii: "0"), line[index] <= UInt8(ascii: "9") {
            value = value &* 10 &+ UInt32(line[index] - UInt8(ascii: "0"))
            index += 1
        }
        return value
    }
}
