/// The `# HELP` line of every metric. swift-metrics has no place for a description, so
/// the text the registry emits is annotated on the way out: before each `# TYPE` line
/// that has no `# HELP`, the one from this table (docs/operations.md has the same list).
enum MetricHelp {
    static let texts: [String: String] = [
        "gleaner_build_info": "Always 1; the labels say which Gleaner version and libzmq this process runs.",
        "gleaner_broker_documents_received_total": "Documents journaled by the broker (both ingests).",
        "gleaner_broker_documents_completed_total": "Documents whose record the sink made durable, removed from the journal.",
        "gleaner_broker_documents_redelivered_total":
            "Deliveries after the first (a worker died, timed out or handed work back).",
        "gleaner_broker_documents_abandoned_total": "Documents sent for an error record after --max-attempts failed deliveries.",
        "gleaner_broker_queue_depth": "Journaled documents waiting for a worker.",
        "gleaner_broker_documents_in_flight": "Documents leased to workers and not yet done.",
        "gleaner_broker_workers": "Workers the broker currently hears from.",
        "gleaner_broker_journal_bytes": "Size of the journal file on disk.",
        "gleaner_broker_journal_fsync_seconds": "Time of one journal group commit (fsync).",
        "gleaner_broker_dispatch_to_done_seconds":
            "From a document's dispatch to the worker's DONE (its record durable at the sink).",
        "gleaner_worker_documents_received_total": "Tasks this worker received from the broker.",
        "gleaner_worker_documents_processed_total": "Documents extracted, by outcome (result or error record).",
        "gleaner_worker_error_records_total": "Error records this worker produced, by error code.",
        "gleaner_worker_documents_returned_total": "Documents handed back to the broker unfinished (at a stop).",
        "gleaner_worker_documents_in_flight": "Documents held: queued, being extracted, or awaiting the sink's ACK.",
        "gleaner_worker_extraction_seconds": "Time to extract one document.",
        "gleaner_worker_sink_ack_seconds": "From sending a record to the sink to its ACK.",
        "gleaner_sink_records_written_total": "Records appended, by file (results or errors).",
        "gleaner_sink_duplicates_dropped_total": "Records dropped because their id was already written.",
        "gleaner_sink_torn_lines_repaired_total": "Unfinished last lines truncated at start (after a crash).",
        "gleaner_sink_fsync_seconds": "Time of one output group commit (fsync).",
        "gleaner_sink_batch_size": "Records per group commit.",
        "gleaner_auth_refused_total": "CURVE handshakes refused: a client key not on the allow-list (or no CURVE).",
        "gleaner_auth_admitted_total": "CURVE handshakes admitted by the allow-list.",
    ]

    static func annotate(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 4096)
        var previousLine: ArraySlice<UInt8> = []
        for line in text.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.starts(with: Array("# TYPE ".utf8)), !previousLine.starts(with: Array("# HELP ".utf8)) {
                let name = String(decoding: line.dropFirst(7).prefix { $0 != 0x20 }, as: UTF8.self)
                let help = texts[name] ?? "Gleaner metric \(name)."
                out += Array("# HELP \(name) \(help)\n".utf8)
            }
            out += line
            out.append(0x0A)
            previousLine = line
        }
        // split kept the text's final newline as an empty last piece: drop its extra one.
        if text.last == 0x0A || text.isEmpty { out.removeLast() }
        return out
    }
}
