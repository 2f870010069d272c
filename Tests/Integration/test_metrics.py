"""Every long-running process serves GET /healthz and GET /metrics (Prometheus text)."""

from __future__ import annotations

import re

from conftest import Pipeline, healthz_ok, http_get, make_docs, wait_until, write_jsonl

SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)")

# Counters that must move when documents flow (names as the binary exposes them).
BROKER_RECEIVED = "gleaner_broker_documents_received_total"
SINK_WRITTEN = "gleaner_sink_records_written_total"
WORKER_PROCESSED = "gleaner_worker_documents_processed_total"


def parse_metrics(text: str) -> dict[str, float]:
    """Prometheus text -> {metric name: value summed over label sets}."""
    out: dict[str, float] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = SAMPLE.match(line)
        assert m, f"not a Prometheus sample line: {line!r}"
        out[m.group(1)] = out.get(m.group(1), 0.0) + float(m.group(3))
    return out


def scrape(p: Pipeline, name: str) -> dict[str, float]:
    status, body = http_get(p.metrics_ports[name], "/metrics")
    assert status == 200, f"GET /metrics on {name} returned {status}: {body[:300]}"
    return parse_metrics(body)


def test_healthz_and_metrics_on_every_process(pipeline: Pipeline, tmp):
    p = pipeline
    p.start_sink()
    p.start_broker()
    p.start_worker(threads=1)
    for name, port in p.metrics_ports.items():
        wait_until(lambda: healthz_ok(port), 20, f"GET /healthz = 200 on {name} (port {port})", p.procs)
        status, body = http_get(port, "/metrics")
        assert status == 200, f"GET /metrics on {name} returned {status}"
        names = [n for n in parse_metrics(body) if n.startswith("gleaner_")]
        assert names, f"{name} /metrics has no gleaner_* metric:\n{body[:1500]}"
        status, _ = http_get(port, "/no-such-path")
        assert status == 404, f"{name}: GET /no-such-path returned {status}, want 404"

    before_b = scrape(p, "broker").get(BROKER_RECEIVED, 0.0)
    before_s = scrape(p, "sink").get(SINK_WRITTEN, 0.0)
    before_w = scrape(p, "worker").get(WORKER_PROCESSED, 0.0)
    docs = make_docs(25, seed=41)
    feed = p.feed(write_jsonl(tmp / "docs.jsonl", docs))
    assert p.wait_feed(feed, 60) == 0, feed.log_tail()
    p.wait_for_count(len(docs), 60)

    def moved():
        b, s, w = scrape(p, "broker"), scrape(p, "sink"), scrape(p, "worker")
        return (b.get(BROKER_RECEIVED, 0) - before_b >= len(docs)
                and s.get(SINK_WRITTEN, 0) - before_s >= len(docs)
                and w.get(WORKER_PROCESSED, 0) - before_w >= len(docs))

    def detail():
        b, s, w = scrape(p, "broker"), scrape(p, "sink"), scrape(p, "worker")
        return (f"{BROKER_RECEIVED}={b.get(BROKER_RECEIVED)} (was {before_b}), "
                f"{SINK_WRITTEN}={s.get(SINK_WRITTEN)} (was {before_s}), "
                f"{WORKER_PROCESSED}={w.get(WORKER_PROCESSED)} (was {before_w}); "
                f"gleaner metrics: broker {sorted(k for k in b if k.startswith('gleaner_'))}, "
                f"sink {sorted(k for k in s if k.startswith('gleaner_'))}, "
                f"worker {sorted(k for k in w if k.startswith('gleaner_'))}")

    wait_until(moved, 15, f"counters to grow by >= {len(docs)} after feeding {len(docs)} docs",
               p.procs, interval=0.5, detail=detail)


def test_metrics_port_0_disables_http_and_pipeline_still_works(pipeline: Pipeline, tmp):
    p = pipeline
    p.start_sink(metrics_port=0)
    p.start_broker(metrics_port=0)
    p.start_worker(metrics_port=0)
    docs = make_docs(10, seed=42)
    feed = p.feed(write_jsonl(tmp / "docs.jsonl", docs))
    assert p.wait_feed(feed, 60) == 0, feed.log_tail()
    p.wait_for_count(len(docs), 60)
    assert all(pr.alive() for pr in p.procs.all if pr is not feed), "a process with --metrics-port 0 exited"
    for pr in p.procs.all:
        assert "/metrics" not in pr.log_text(), f"{pr.name} announced a metrics URL with --metrics-port 0"
