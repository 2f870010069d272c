import Metrics

/// Every metric the processes export, made once with fixed names and labels
/// (docs/operations.md lists them). Names follow Prometheus' offline-processing
/// advice: what came in, what is in progress, what went out, and stage latencies.
struct BrokerMetrics {
    let received = Counter(label: "gleaner_broker_documents_received_total")
    let completed = Counter(label: "gleaner_broker_documents_completed_total")
    let redelivered = Counter(label: "gleaner_broker_documents_redelivered_total")
    let abandoned = Counter(label: "gleaner_broker_documents_abandoned_total")
    let queueDepth = Gauge(label: "gleaner_broker_queue_depth")
    let inFlight = Gauge(label: "gleaner_broker_documents_in_flight")
    let workers = Gauge(label: "gleaner_broker_workers")
    let journalBytes = Gauge(label: "gleaner_broker_journal_bytes")
    let journalSync = Metrics.Timer(label: "gleaner_broker_journal_fsync_seconds")
    let endToEnd = Metrics.Timer(label: "gleaner_broker_dispatch_to_done_seconds")
}

struct WorkerMetrics {
    let received = Counter(label: "gleaner_worker_documents_received_total")
    let succeeded = Counter(label: "gleaner_worker_documents_processed_total", dimensions: [("outcome", "result")])
    let failed = Counter(label: "gleaner_worker_documents_processed_total", dimensions: [("outcome", "error")])
    let returned = Counter(label: "gleaner_worker_documents_returned_total")
    let inFlight = Gauge(label: "gleaner_worker_documents_in_flight")
    let extraction = Metrics.Timer(label: "gleaner_worker_extraction_seconds")
    let sinkAck = Metrics.Timer(label: "gleaner_worker_sink_ack_seconds")
}

struct SinkMetrics {
    let results = Counter(label: "gleaner_sink_records_written_total", dimensions: [("file", "results")])
    let errors = Counter(label: "gleaner_sink_records_written_total", dimensions: [("file", "errors")])
    let duplicates = Counter(label: "gleaner_sink_duplicates_dropped_total")
    let tornLines = Counter(label: "gleaner_sink_torn_lines_repaired_total")
    let fsync = Metrics.Timer(label: "gleaner_sink_fsync_seconds")
    let batchSize = Recorder(label: "gleaner_sink_batch_size")
}

/// Handshakes the ZAP handler of a CURVE-protected broker or sink decided.
struct SecurityMetrics {
    let refused = Counter(label: "gleaner_auth_refused_total")
    let admitted = Counter(label: "gleaner_auth_admitted_total")
}
