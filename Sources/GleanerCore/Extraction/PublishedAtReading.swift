/// Turns the `publishedAt` a scraper or a page gave into the record's normalized date,
/// keeping what was given: the raw string goes into `metadata.publishedAtRaw` when the
/// normalized form differs from it, and a string no parser reads leaves a warning and no date.
extension ExtractionResult {
    /// Sets the reference from `raw` when it reads; returns whether it did.
    @discardableResult
    mutating func adoptPublishedAt(_ raw: String?, source: DateSource) -> Bool {
        guard let raw else { return false }
        guard let parsed = ReferenceDateParser.parse(raw) else {
            warnings.append(
                RecordWarning(
                    code: .publishedAtUnreadable,
                    message: "publishedAt (\(source.rawValue)) is in no form read as a date; it was not used",
                    field: "publishedAt", value: raw))
            keepRaw(raw, source: source)
            return false
        }
        if let zone = parsed.unknownZone {
            warnings.append(
                RecordWarning(
                    code: .publishedAtZoneUnknown, message: "time zone \(zone) has no fixed offset; the time was read as UTC",
                    field: "publishedAt", value: raw))
        }
        reference = parsed.date
        publishedAtSource = source
        if parsed.date.rfc3339 != raw { keepRaw(raw, source: source) }
        return true
    }

    /// Only the input's own string goes into `metadata`, and never over a key upstream set itself.
    private mutating func keepRaw(_ raw: String, source: DateSource) {
        guard source == .input else { return }
        switch metadata {
        case nil, .null?:
            metadata = .object([JSONMember("publishedAtRaw", .string(raw))])
        case .object(var members)?:
            guard !members.contains(where: { $0.key == "publishedAtRaw" }) else { return }
            members.append(JSONMember("publishedAtRaw", .string(raw)))
            metadata = .object(members)
        default:
            break
        }
    }
}
