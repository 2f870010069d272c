"""The Python client (clients/python, `pip install ./clients/python`): send/send_many
return only once the broker journaled every document, across a broker killed with
SIGKILL mid-send and a broker that is not up yet; several brokers split documents by
FNV-1a 64 of the id; CURVE keys are applied; the Scrapy pipeline delivers every item.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import zmq

from conftest import Pipeline, assert_exactly_once, free_port, http_get, make_docs, read_outputs_full
from test_metrics import parse_metrics

from gleaner_client import Client, CurveKeys, NotAcceptedError, endpoint_index, fnv1a64


class Sending:
    """send_many on a thread of its own, so the test can kill and start brokers meanwhile."""

    def __init__(self, client: Client, docs):
        self.client = client
        self.result = None
        self.error = None
        self._thread = threading.Thread(target=self._run, args=(docs,), daemon=True)
        self._thread.start()

    def _run(self, docs):
        try:
            self.result = self.client.send_many(docs)
        except BaseException as e:  # noqa: BLE001 - reported by join()
            self.error = e

    def running(self) -> bool:
        return self._thread.is_alive()

    def join(self, timeout: float, procs) -> int:
        self._thread.join(timeout)
        if self._thread.is_alive():
            procs.fail(f"send_many still running after {timeout:.0f} s "
                       f"({self.client.accepted} accepted, {self.client.in_flight} in flight)")
        if self.error is not None:
            raise self.error
        return self.result


def started(p: Pipeline, threads: int = 2) -> Pipeline:
    """Sink, broker and one worker up."""
    p.start_sink()
    p.start_broker()
    p.start_worker(threads=threads)
    return p


def test_fnv1a64_matches_the_published_test_vectors_and_routes_stably():
    # FNV-1a 64 reference values (the FNV authors' test suite)
    assert fnv1a64(b"") == 0xCBF29CE484222325
    assert fnv1a64(b"a") == 0xAF63DC4C8601EC8C
    assert fnv1a64(b"foobar") == 0x85944171F73967E8
    ids = [f"story-{i}" for i in range(1000)] + ["Zürich-Straße-ü"]
    spread = [endpoint_index(i, 3) for i in ids]
    assert spread == [fnv1a64(i.encode("utf-8")) % 3 for i in ids]
    assert all(spread.count(k) > 250 for k in range(3)), f"uneven split over 3 brokers: {[spread.count(k) for k in range(3)]}"


def test_broker_sigkilled_mid_send_every_document_once(pipeline: Pipeline):
    p = started(pipeline)
    docs = make_docs(2000, seed=141, prefix="client-kill", max_bytes=2000)
    killed = threading.Event()
    at_kill = {}
    client = Client(p.acked_endpoint, window=256, timeout=120)

    def documents():
        for n, doc in enumerate(docs, start=1):
            if n == 700:
                # Inside send_many: up to a window of documents are sent or queued, some
                # journaled without their ACCEPTED having arrived yet.
                at_kill.update(accepted=client.accepted, in_flight=client.in_flight)
                p.broker.kill9()
                killed.set()
            yield doc

    sending = Sending(client, documents())
    assert killed.wait(60), "send_many never reached document 700"
    # The rest of the documents pile up against a dead broker until it is back.
    wait_for = time.monotonic() + 1.0
    while time.monotonic() < wait_for:
        assert sending.running(), "send_many returned while the broker was dead"
        time.sleep(0.1)
    p.start_broker()  # the same journal and ports
    sent = sending.join(180, p.procs)
    assert sent == len(docs)
    assert client.broker_restarts_seen == 1, f"client saw {client.broker_restarts_seen} broker restarts, want 1"
    client.close()

    p.wait_for_count(len(docs), 180)
    time.sleep(1.0)  # anything written twice would be written by now
    p.stop_all()
    out = read_outputs_full(p.out)
    assert_exactly_once(out.result_ids, [d["id"] for d in docs],
                        f"documents sent through a broker SIGKILL (at the kill: {at_kill}; "
                        f"client re-sent {client.resent})")
    assert not out.errors, f"error records: {[(e['id'], e['error']) for e in out.errors][:5]}"


def test_sending_the_same_documents_again_writes_each_once(pipeline: Pipeline):
    # What the client does after a restart, made certain: every id reaches the broker
    # twice, both copies are journaled, and the sink writes the first and drops the other.
    p = started(pipeline)
    docs = make_docs(200, seed=148, prefix="client-twice", max_bytes=1200)
    with Client(p.acked_endpoint, timeout=60) as client:
        client.send_many(docs)
        p.wait_for_count(len(docs), 120)
        client.send_many(docs)
    sink_port = p.metrics_ports[p.sink.name]

    def dropped():
        return parse_metrics(http_get(sink_port, "/metrics")[1]).get("gleaner_sink_duplicates_dropped_total", 0)
    deadline = time.monotonic() + 120
    while dropped() < len(docs):
        assert time.monotonic() < deadline, f"sink dropped {dropped()} duplicates, want {len(docs)}"
        time.sleep(0.2)
    p.stop_all()
    assert_exactly_once(read_outputs_full(p.out).result_ids, [d["id"] for d in docs], "documents sent twice")


def test_send_waits_for_a_broker_that_starts_later(pipeline: Pipeline):
    p = pipeline
    p.start_sink()
    p.start_worker(threads=2)  # connects to the broker's port before anything listens there
    docs = make_docs(300, seed=142, prefix="client-late", max_bytes=1500)
    client = Client(p.acked_endpoint, timeout=None)
    sending = Sending(client, docs)
    deadline = time.monotonic() + 30
    while client.in_flight < len(docs):
        assert time.monotonic() < deadline, f"only {client.in_flight} documents taken in"
        time.sleep(0.05)
    time.sleep(1.0)  # several HELLOs go unanswered
    assert sending.running() and client.accepted == 0
    p.start_broker()
    assert sending.join(120, p.procs) == len(docs)
    client.close()
    p.wait_for_count(len(docs), 120)
    p.stop_all()
    assert_exactly_once(read_outputs_full(p.out).result_ids, [d["id"] for d in docs], "documents sent before the broker started")


def test_send_without_a_broker_raises_not_accepted_naming_the_documents():
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    docs = make_docs(3, seed=143, prefix="client-nobroker")
    with Client(endpoint, timeout=1.0) as client:
        with pytest.raises(NotAcceptedError) as caught:
            client.send_many(docs)
        assert caught.value.ids == [d["id"] for d in docs]
        assert caught.value.records == docs and caught.value.accepted == 0
        assert endpoint in str(caught.value)
        # the failed call's documents are not retried behind the caller's back
        assert client.in_flight == 0
        with pytest.raises(NotAcceptedError):
            client.send(docs[0], timeout=0.5)


def test_unencodable_record_fails_after_the_ones_before_it_are_journaled(pipeline: Pipeline):
    p = started(pipeline, threads=1)
    good = make_docs(3, seed=144, prefix="client-encode")
    bad = {"id": "client-encode-nan", "content": "Headline\n\nBody.", "metadata": {"score": float("nan")}}
    with Client(p.acked_endpoint, timeout=60) as client:
        with pytest.raises(ValueError, match="document #3"):
            client.send_many([good[0], good[1], bad, good[2]])
        assert client.accepted == 2
    p.wait_for_count(2, 60)
    time.sleep(1.0)
    p.stop_all()
    assert_exactly_once(read_outputs_full(p.out).ids, [good[0]["id"], good[1]["id"]])


def test_two_brokers_split_documents_by_fnv1a_of_the_id(pipeline: Pipeline, tmp: Path):
    first = pipeline
    second = Pipeline(first.procs, tmp / "second")
    (tmp / "second").mkdir()
    second.sink_port, second.out = first.sink_port, first.out  # one sink behind both brokers
    first.start_sink()
    first.start_broker()
    second.start_broker()
    first.start_worker()
    second.start_worker()
    docs = make_docs(400, seed=145, prefix="client-split", max_bytes=1200)
    endpoints = [first.acked_endpoint, second.acked_endpoint]
    with Client(endpoints, timeout=60) as client:
        assert client.send_many(docs) == len(docs)
    first.wait_for_count(len(docs), 120)
    want = [sum(1 for d in docs if endpoint_index(d["id"], 2) == k) for k in (0, 1)]
    got = []
    for p in (first, second):
        status, body = http_get(p.metrics_ports[p.broker.name], "/metrics")
        got.append(int(parse_metrics(body).get("gleaner_broker_documents_received_total", -1)))
    first.stop_all()
    second.stop_all()
    assert got == want, f"documents received per broker {got}, want {want} (FNV-1a 64 of the id mod 2)"
    assert_exactly_once(read_outputs_full(first.out).result_ids, [d["id"] for d in docs])


class CurveBroker:
    """A stand-in for a broker that requires CURVE (Gleaner's does not yet): a ROUTER
    CURVE server that answers HELLO and journals nothing, acknowledging every DOC."""

    def __init__(self):
        self.public, secret = zmq.curve_keypair()
        self.ctx = zmq.Context()
        self.sock = self.ctx.socket(zmq.ROUTER)
        self.sock.setsockopt(zmq.CURVE_SERVER, 1)
        self.sock.setsockopt(zmq.CURVE_SECRETKEY, secret)
        self.sock.setsockopt(zmq.LINGER, 0)
        port = free_port()
        self.sock.bind(f"tcp://127.0.0.1:{port}")
        self.endpoint = f"tcp://127.0.0.1:{port}"
        self.payloads: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            if not self.sock.poll(50):
                continue
            peer, version, kind, *fields = self.sock.recv_multipart()
            if kind == b"HELLO":
                self.sock.send_multipart([peer, version, b"WELCOME", b"curve-epoch", b"16"])
            elif kind == b"DOC":
                self.payloads.append(fields[1])
                self.sock.send_multipart([peer, version, b"ACCEPTED", b"curve-epoch", b"1", fields[0]])

    def close(self):
        self._stop.set()
        self._thread.join()
        self.sock.close()
        self.ctx.term()


def test_curve_keys_encrypt_the_connection_and_a_wrong_server_key_is_not_accepted():
    broker = CurveBroker()
    try:
        docs = make_docs(40, seed=146, prefix="client-curve", max_bytes=800)
        public, secret = zmq.curve_keypair()
        with Client(broker.endpoint, timeout=20, curve=CurveKeys(broker.public, public, secret)) as client:
            assert client.send_many(docs) == len(docs)
        assert sorted(json.loads(b)["id"] for b in broker.payloads) == sorted(d["id"] for d in docs)
        wrong, _ = zmq.curve_keypair()
        with Client(broker.endpoint, timeout=1.5, curve=CurveKeys(wrong)) as client:
            with pytest.raises(NotAcceptedError):
                client.send(docs[0])
        assert len(broker.payloads) == len(docs)
    finally:
        broker.close()


SPIDER = '''
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess

class Listing(scrapy.Spider):
    name = "listing"
    start_urls = [sys.argv[2]]

    def parse(self, response):
        for doc in json.loads(response.text):
            yield doc

    def closed(self, reason):
        stats = self.crawler.stats.get_stats()
        print("STATS " + json.dumps({k: v for k, v in stats.items() if k.startswith("gleaner/")}), flush=True)

process = CrawlerProcess(settings={
    "ITEM_PIPELINES": {"gleaner_client.scrapy.GleanerPipeline": 800},
    "GLEANER_ENDPOINTS": sys.argv[1],
    "GLEANER_TIMEOUT": 60,
    "LOG_LEVEL": "INFO",
    "TELNETCONSOLE_ENABLED": False,
})
process.crawl(Listing)
process.start()
'''


def test_scrapy_pipeline_delivers_every_item(pipeline: Pipeline, tmp: Path):
    pytest.importorskip("scrapy")
    p = started(pipeline)
    docs = make_docs(150, seed=147, prefix="client-scrapy", max_bytes=1500)
    listing = tmp / "listing.json"
    listing.write_text(json.dumps(docs), "utf-8")
    spider = tmp / "spider.py"
    spider.write_text(SPIDER, "utf-8")
    run = subprocess.run([sys.executable, str(spider), p.acked_endpoint, listing.as_uri()],
                         capture_output=True, text=True, timeout=180, cwd=tmp)
    assert run.returncode == 0, run.stderr[-4000:]
    stats = json.loads(next(l for l in run.stdout.splitlines() if l.startswith("STATS "))[6:])
    assert stats.get("gleaner/accepted") == len(docs), (stats, run.stderr[-4000:])
    assert "gleaner/not_accepted" not in stats, stats
    p.wait_for_count(len(docs), 120)
    time.sleep(1.0)
    p.stop_all()
    assert_exactly_once(read_outputs_full(p.out).result_ids, [d["id"] for d in docs], "items scraped")
