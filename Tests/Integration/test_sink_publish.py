"""The sink's live feed (issue 14, point 3): a PUB endpoint announcing each record once
it is durable, read here by a pyzmq SUB as a dashboard would."""

from __future__ import annotations

import json
from pathlib import Path

import zmq

from conftest import Pipeline, free_port, make_docs, wait_until, write_jsonl
from sink_files import all_ids

TIMEOUT = 120


def _subscribe(endpoint: str) -> zmq.Socket:
    sub = zmq.Context.instance().socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(endpoint)
    return sub


def _receive_until(sub: zmq.Socket, want, p: Pipeline, on_message) -> None:
    """Read messages until want() holds; each is handed to on_message as it arrives."""
    poller = zmq.Poller()
    poller.register(sub, zmq.POLLIN)

    def step():
        while poller.poll(50):
            on_message(sub.recv())
        return want()
    wait_until(step, TIMEOUT, "announcements from the sink", p.procs, interval=0.01)


def _warm_up(p: Pipeline, sub: zmq.Socket, tmp: Path) -> set[str]:
    """PUB drops what is sent before a subscriber is connected: feed warm-up documents
    until one is announced, so the real ones cannot be lost to a slow joiner."""
    seen: set[str] = set()
    for attempt in range(20):
        doc = make_docs(1, start=attempt + 1, prefix="warmup", seed=151)
        assert p.wait_feed(p.feed(write_jsonl(tmp / f"warmup-{attempt}.jsonl", doc)), TIMEOUT) == 0
        poller = zmq.Poller()
        poller.register(sub, zmq.POLLIN)
        if poller.poll(3000):
            while poller.poll(200):
                seen.add(json.loads(sub.recv()).get("id"))
            return seen
    p.procs.fail("no announcement for 20 warm-up documents")


def _file_bytes(out: Path, name: str) -> bytes:
    """A file's bytes under its open or closed name (it may be renamed while we look)."""
    for candidate in (name + ".open", name, name + ".open", name):
        try:
            return (out / candidate).read_bytes()
        except FileNotFoundError:
            continue
    raise AssertionError(f"announced file {name} exists under neither name")


def _publishing_pipeline(p: Pipeline, tmp: Path, *sink_args: str) -> tuple[zmq.Socket, set[str]]:
    """A pipeline whose sink publishes, and a SUB that has already heard from it."""
    port = free_port()
    p.start_sink("--publish-bind", f"tcp://127.0.0.1:{port}", *sink_args)
    p.start_broker()
    p.start_worker(threads=2)
    sub = _subscribe(f"tcp://127.0.0.1:{port}")
    return sub, _warm_up(p, sub, tmp)


def test_each_durable_record_is_announced_once_with_its_file(pipeline: Pipeline, tmp: Path):
    p = pipeline
    sub, warm = _publishing_pipeline(p, tmp, "--rotate", "30KB")
    docs = make_docs(150, seed=152)
    announced: dict[str, list[dict]] = {}
    closed: list[dict] = []

    def on_message(raw: bytes) -> None:
        message = json.loads(raw)
        if message.get("status") == "closed":
            closed.append(message)
            return
        if message["id"] in warm or message["id"].startswith("warmup"):
            return
        # Durable before announced: the record is already in its file (open or closed).
        on_disk = _file_bytes(p.out, message["file"])
        assert f'{{"id":"{message["id"]}"'.encode() in on_disk, f"announced before written: {message}"
        announced.setdefault(message["id"], []).append(message)

    assert p.wait_feed(p.feed(write_jsonl(tmp / "docs.jsonl", docs)), TIMEOUT) == 0
    _receive_until(sub, lambda: len(announced) >= len(docs), p, on_message)
    p.stop_all()
    while sub.poll(200):  # the closes at shutdown
        on_message(sub.recv())
    sub.close()
    assert set(announced) == {d["id"] for d in docs}
    repeated = {i: m for i, m in announced.items() if len(m) > 1}
    assert not repeated, f"announced more than once: {list(repeated.items())[:3]}"
    assert {m[0]["status"] for m in announced.values()} == {"new"}
    assert closed and all(c["records"] > 0 for c in closed), f"file-closed announcements: {closed}"
    # every announced file name is a real closed file holding that id
    by_file: dict[str, set[str]] = {}
    for m in announced.values():
        by_file.setdefault(m[0]["file"], set()).add(m[0]["id"])
    for name, ids in by_file.items():
        lines = (p.out / name).read_text("utf-8").splitlines()
        assert ids <= {json.loads(line)["id"] for line in lines}, f"{name} lacks ids announced for it"


def test_publish_records_sends_each_whole_record(pipeline: Pipeline, tmp: Path):
    p = pipeline
    sub, _ = _publishing_pipeline(p, tmp, "--publish", "records")
    docs = make_docs(20, seed=153)
    received: dict[str, dict] = {}

    def on_message(raw: bytes) -> None:
        record = json.loads(raw)
        if not record["id"].startswith("warmup"):
            received[record["id"]] = record

    assert p.wait_feed(p.feed(write_jsonl(tmp / "docs.jsonl", docs)), TIMEOUT) == 0
    _receive_until(sub, lambda: len(received) >= len(docs), p, on_message)
    sub.close()
    p.stop_all()
    on_disk = {json.loads(line)["id"]: json.loads(line)
               for line in (p.out / "results.jsonl").read_text("utf-8").splitlines()}
    for doc in docs:
        assert received[doc["id"]] == on_disk[doc["id"]], f"published record differs from the file for {doc['id']}"
    assert set(all_ids(p.out)) >= {d["id"] for d in docs}
