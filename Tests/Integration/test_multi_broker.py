"""Several brokers, each with its own journal. `gleaner feed` sends each document to
broker FNV-1a-64(id) mod N, workers serve every broker, one sink writes everything.
A broker SIGKILLed and left down stalls only its own share; once it is back (same
journal), its documents are delivered too, every one exactly once."""

from __future__ import annotations

import re
import time

from conftest import (
    Pipeline, Proc, assert_exactly_once, free_port, http_get, make_docs, read_outputs, wait_until, write_jsonl,
)
from test_metrics import parse_metrics

FEED_TIMEOUT = 90


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def shard(doc_id: str, brokers: int) -> int:
    return fnv1a64(doc_id.encode("utf-8")) % brokers


def test_fnv1a64_matches_the_published_test_vectors():
    # From the FNV reference (draft-eastlake-fnv): the hash the Python client shares.
    assert fnv1a64(b"") == 0xCBF29CE484222325
    assert fnv1a64(b"a") == 0xAF63DC4C8601EC8C
    assert fnv1a64(b"foobar") == 0x85944171F73967E8


class Brokers:
    """N brokers on fresh ports, each with its own journal, beside one Pipeline's sink."""

    def __init__(self, p: Pipeline, n: int):
        self.p = p
        self.ports = [{k: free_port() for k in ("ingest", "acked", "workers", "metrics")} for _ in range(n)]
        self.procs: list[Proc | None] = [None] * n

    def start(self, i: int) -> Proc:
        ports = self.ports[i]
        proc = self.p.procs.start(
            f"broker{i}", "broker", "--ingest", f"tcp://127.0.0.1:{ports['ingest']}",
            "--ingest-acked", f"tcp://127.0.0.1:{ports['acked']}", "--workers", f"tcp://127.0.0.1:{ports['workers']}",
            "--journal", str(self.p.tmp / f"journal-{i}"), "--lease-timeout", "3", "--metrics-port", str(ports["metrics"]),
            "--stop-deadline", "5", "--insecure-plaintext")
        self.p.wait_listening(proc, [ports["acked"], ports["workers"]])
        self.procs[i] = proc
        return proc

    def endpoints(self, kind: str) -> str:
        return ",".join(f"tcp://127.0.0.1:{ports[kind]}" for ports in self.ports)

    def received(self, i: int) -> float:
        status, body = http_get(self.ports[i]["metrics"], "/metrics")
        assert status == 200
        return parse_metrics(body).get("gleaner_broker_documents_received_total", 0.0)


def test_a_broker_down_for_good_stalls_only_its_share(pipeline: Pipeline, tmp):
    p = pipeline
    brokers = Brokers(p, 2)
    # The first feed is journaled by both brokers before one dies; the second is fed
    # while it is down, so its share of that one waits inside `gleaner feed`.
    early = make_docs(1200, seed=81, max_bytes=2000)
    late = make_docs(200, prefix="late", seed=82, max_bytes=2000)
    docs = early + late
    shares = [[d["id"] for d in docs if shard(d["id"], 2) == i] for i in range(2)]
    assert all(len(s) > 200 for s in shares), f"test data splits badly: {[len(s) for s in shares]}"
    p.start_sink()
    for i in range(2):
        brokers.start(i)
    for _ in range(2):
        p.procs.start("worker", "worker", "--broker", brokers.endpoints("workers"), "--sink", p.sink_endpoint,
                      "--threads", "1", "--metrics-port", "0", "--insecure-plaintext")

    def feed(name: str, batch: list[dict]) -> Proc:
        return p.procs.start("feed", "feed", "--to", brokers.endpoints("acked"), "--insecure-plaintext",
                             write_jsonl(tmp / f"{name}.jsonl", batch))

    def delivered(share: list[str]) -> int:
        # Ids only, without parsing whole records: polled while documents fly by.
        try:
            text = (p.out / "results.jsonl").read_text("utf-8")
        except FileNotFoundError:
            return 0
        ids = set(re.findall(r'^\{"id":"([^"]+)"', text, re.MULTILINE))
        return sum(1 for i in share if i in ids)

    first = feed("early", early)
    # Killed while serving: part of its share written, the rest journaled and waiting.
    wait_until(lambda: delivered(shares[1]) >= 30, FEED_TIMEOUT, "30 records of broker 1's share", p.procs,
               interval=0.02)
    brokers.procs[1].kill9()
    killed_at = p.count()
    second = feed("late", late)

    deadline = time.monotonic() + FEED_TIMEOUT
    while delivered(shares[0]) < len(shares[0]):
        assert time.monotonic() < deadline, (f"broker 0's share stalled with broker 1 down: "
                                             f"{delivered(shares[0])} of {len(shares[0])}")
        time.sleep(0.2)
    stalled = delivered(shares[1])
    journaled = [i for i in shares[1] if i.startswith("doc-")]
    assert delivered(journaled) < len(journaled), \
        "broker 1 had finished the documents it journaled before it was killed: the test proves nothing"
    assert second.alive(), "gleaner feed exited while the broker for part of its documents was down"
    time.sleep(1.0)
    assert delivered(shares[1]) == stalled, "documents of the dead broker's share kept arriving"

    brokers.start(1)  # same ports, same journal
    for proc in (first, second):
        rc = p.wait_feed(proc, FEED_TIMEOUT)
        assert rc == 0, f"{proc.name} exited {rc} after broker 1 came back\n{proc.log_tail()}"
    p.wait_for_count(len(docs), FEED_TIMEOUT, f"all {len(docs)} records after broker 1 returned")
    # Broker 0 was never restarted, so it received exactly its share: the Swift feed and
    # this file's FNV-1a agree on every document.
    assert brokers.received(0) == len(shares[0]), (brokers.received(0), len(shares[0]))
    p.stop_all()
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in docs], "documents over two brokers")
    print(f"multi-broker: shares {[len(s) for s in shares]}; broker 1 killed at {killed_at} records, "
          f"its share stalled at {stalled} while broker 0's {len(shares[0])} completed; "
          f"all {len(docs)} exactly once after it returned")


def test_feed_and_the_python_client_pick_the_same_broker_for_records_without_an_id(pipeline: Pipeline, tmp):
    """Without an `id` the shard key is the id the pipeline will give the record (the
    SHA-256 of its content): `gleaner feed` and clients/python must agree on it too."""
    from gleaner_client.routing import document_id, endpoint_index

    p = pipeline
    brokers = Brokers(p, 2)
    docs = make_docs(120, seed=83, max_bytes=600)
    records = [{k: v for k, v in d.items() if k != "id"} for d in docs[:80]] + docs[80:]
    src = write_jsonl(tmp / "mixed.jsonl", records)
    lines = src.read_bytes().splitlines()
    want = sum(1 for r, line in zip(records, lines) if endpoint_index(document_id(r, line), 2) == 0)
    assert 0 < want < len(records)
    for i in range(2):
        brokers.start(i)
    feed = p.procs.start("feed", "feed", "--to", brokers.endpoints("acked"), "--insecure-plaintext", src)
    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, feed.log_tail()
    got = [brokers.received(i) for i in range(2)]
    assert got == [want, len(records) - want], f"received per broker {got}, clients/python's rule says {want} for broker 0"
