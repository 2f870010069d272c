"""Backpressure: when no worker keeps up, the broker's queue stops at --max-queue
(plus what feeders already hold credit for), `gleaner feed` waits instead of
pushing everything into the broker, and the run completes once workers appear."""

from __future__ import annotations

import re
import time

from conftest import Pipeline, assert_exactly_once, http_get, make_docs, read_outputs, write_jsonl

MAX_QUEUE = 200
FEEDER_WINDOW = 256  # the broker's credit window per feeder (BrokerConfiguration.feederWindow)


def _gauge(port: int, name: str) -> float:
    status, body = http_get(port, "/metrics")
    assert status == 200, f"/metrics answered {status}"
    match = re.search(rf"^{name}(?:{{[^}}]*}})? ([0-9.e+-]+)$", body, re.MULTILINE)
    assert match, f"{name} not exported:\n{body[:2000]}"
    return float(match.group(1))


def test_feed_waits_for_a_full_queue_and_finishes_when_workers_arrive(pipeline: Pipeline, tmp):
    p = pipeline
    docs = make_docs(3000, seed=23)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    p.start_sink()
    broker = p.start_broker("--max-queue", str(MAX_QUEUE))
    feed = p.feed(src)

    # No worker yet: the queue fills to its bound and the feed must not finish.
    deadline = time.monotonic() + 30
    depth = 0.0
    while time.monotonic() < deadline:
        depth = _gauge(p.metrics_ports[broker.name], "gleaner_broker_queue_depth")
        if depth >= MAX_QUEUE:
            break
        time.sleep(0.2)
    assert depth >= MAX_QUEUE, f"queue never filled (depth {depth})"
    time.sleep(3)  # long enough for an unbounded broker to swallow all 3,000 documents
    depth = _gauge(p.metrics_ports[broker.name], "gleaner_broker_queue_depth")
    received = _gauge(p.metrics_ports[broker.name], "gleaner_broker_documents_received_total")
    assert depth <= MAX_QUEUE + FEEDER_WINDOW, f"queue grew past its bound: {depth}"
    assert received <= MAX_QUEUE + FEEDER_WINDOW, f"broker took {received} documents with no worker"
    assert feed.alive(), "feed finished although the broker could not have accepted everything"

    p.start_worker(threads=2)
    rc = p.wait_feed(feed, 120)
    assert rc == 0, f"feed exited {rc}\n{feed.log_tail()}"
    p.wait_for_count(len(docs), 120)
    p.stop_all()
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in docs], "documents fed under backpressure")
