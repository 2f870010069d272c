"""CURVE on every endpoint: the broker and the sink admit only clients whose public key
is on their allow-list. A client with any other key (a `gleaner feed`, a worker, a pyzmq
scraper), or with no CURVE at all, gets nothing into the journal or the output, and
each refusal is logged and counted in gleaner_auth_refused_total."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import zmq
import zmq.auth

from conftest import (
    Pipeline, assert_exactly_once, http_get, make_docs, read_outputs_full, wait_until, write_jsonl,
)
from test_metrics import parse_metrics

FEED_TIMEOUT = 60


def generate(gleaner_bin: Path, base: Path) -> tuple[Path, Path]:
    base.parent.mkdir(parents=True, exist_ok=True)
    out = subprocess.run([str(gleaner_bin), "keys", "generate", "--out", str(base)],
                         capture_output=True, text=True, timeout=20)
    assert out.returncode == 0, f"gleaner keys generate failed: {out.stderr}"
    secret, public = Path(f"{base}.key"), Path(f"{base}.pub")
    assert out.stdout.split() == [str(secret), str(public)]
    assert secret.stat().st_mode & 0o077 == 0, "a secret key file must not be readable by others"
    return secret, public


@pytest.fixture
def keys(gleaner_bin, tmp) -> dict[str, tuple[Path, Path]]:
    """A server key pair, three allowed clients (in clients/), one stranger outside it."""
    made = {"server": generate(gleaner_bin, tmp / "keys" / "server")}
    for name in ("worker", "feed", "scraper"):
        made[name] = generate(gleaner_bin, tmp / "keys" / "clients" / name)
    made["stranger"] = generate(gleaner_bin, tmp / "keys" / "stranger")
    return made


def curve_pipeline(p: Pipeline, keys, tmp) -> None:
    p.server_security = ["--curve-secret-key", str(keys["server"][0]), "--curve-allow", str(tmp / "keys" / "clients")]
    p.client_security = ["--curve-secret-key", str(keys["feed"][0]), "--curve-server-key", str(keys["server"][1])]


def refused(p: Pipeline, name: str) -> float:
    status, body = http_get(p.metrics_ports[name], "/metrics")
    assert status == 200
    return parse_metrics(body).get("gleaner_auth_refused_total", 0.0)


def curve_push(endpoint: str, secret: Path | None, server_public: Path | None) -> tuple[zmq.Context, zmq.Socket]:
    """A pyzmq scraper loading gleaner's key files with zmq.auth (or with no CURVE)."""
    ctx = zmq.Context()
    sock = ctx.socket(zmq.PUSH)
    sock.setsockopt(zmq.LINGER, 0)
    if secret is not None:
        public_key, secret_key = zmq.auth.load_certificate(str(secret))
        sock.curve_publickey, sock.curve_secretkey = public_key, secret_key
        sock.curve_serverkey, _ = zmq.auth.load_certificate(str(server_public))
    sock.connect(endpoint)
    return ctx, sock


def test_only_allowed_keys_reach_the_output(pipeline: Pipeline, keys, tmp, gleaner_bin):
    p = pipeline
    curve_pipeline(p, keys, tmp)
    p.start_sink()
    p.start_broker()
    # The worker takes its keys from the environment rather than flags.
    env = dict(os.environ, GLEANER_CURVE_SECRET_KEY=str(keys["worker"][0]),
               GLEANER_CURVE_SERVER_KEY=str(keys["server"][1]))
    saved, p.client_security = p.client_security, []
    p.start_worker(threads=2, env=env)
    # A worker with an unknown key: the broker must never lease it a document, the
    # sink never take a record from it.
    p.client_security = ["--curve-secret-key", str(keys["stranger"][0]), "--curve-server-key", str(keys["server"][1])]
    rogue_worker = p.start_worker(threads=1)
    p.client_security = saved

    intruders = make_docs(40, prefix="intruder", seed=71)
    # 1. gleaner feed with a key not on the allow-list: never accepted, never exits 0.
    p.client_security = ["--curve-secret-key", str(keys["stranger"][0]), "--curve-server-key", str(keys["server"][1])]
    rogue_feed = p.feed(write_jsonl(tmp / "intruders-feed.jsonl", intruders[:20]))
    p.client_security = saved
    # 2. a pyzmq scraper with a CURVE key not on the list, 3. one with no CURVE at all.
    sockets = [curve_push(p.ingest_endpoint, keys["stranger"][0], keys["server"][1]),
               curve_push(p.ingest_endpoint, None, None)]
    for (_, sock), batch in zip(sockets, (intruders[20:30], intruders[30:40])):
        for doc in batch:
            sock.send_json(doc)

    wait_until(lambda: refused(p, "broker") >= 2 and refused(p, "sink") >= 1, 20,
               "the broker to refuse the rogue feed and scraper, the sink the rogue worker", p.procs,
               detail=lambda: f"broker {refused(p, 'broker')}, sink {refused(p, 'sink')}")

    # Allowed clients, after the intruders: gleaner feed, and a pyzmq scraper with its key.
    docs = make_docs(150, seed=72, max_bytes=2000)
    feed = p.feed(write_jsonl(tmp / "docs.jsonl", docs[:100]))
    ctx, sock = curve_push(p.ingest_endpoint, keys["scraper"][0], keys["server"][1])
    sockets.append((ctx, sock))
    for doc in docs[100:]:
        sock.send_json(doc)
    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, f"an allowed gleaner feed exited {rc}\n{feed.log_tail()}"
    p.wait_for_count(len(docs), FEED_TIMEOUT, f"{len(docs)} documents from allowed clients")

    refusals = (refused(p, "broker"), refused(p, "sink"))
    assert rogue_feed.alive(), f"gleaner feed with an unknown key exited (rc={rogue_feed.returncode})"
    assert rogue_worker.alive(), "the worker with an unknown key died instead of waiting"
    p.stop_all()
    for ctx, sock in sockets:
        sock.close(0)
        ctx.term()
    out = read_outputs_full(p.out)
    assert_exactly_once(out.ids, [d["id"] for d in docs], "documents from allowed clients")
    journal_bytes = b"".join(f.read_bytes() for f in p.journal.rglob("*") if f.is_file())
    assert b"intruder-" not in journal_bytes, "a refused client's document reached the journal"
    broker_log, sink_log = p.broker.log_text(), p.sink.log_text()
    assert "client refused" in broker_log and keys["stranger"][1].read_text().split('"')[1] in broker_log
    assert "client refused" in sink_log
    print(f"CURVE: {len(out.ids)} records, all from allowed clients; handshakes refused: broker "
          f"{refusals[0]:.0f}, sink {refusals[1]:.0f} (gleaner_auth_refused_total)")


def test_plaintext_only_when_asked_for(procs, tmp):
    for command in (["broker", "--journal", str(tmp / "j")], ["sink", "--out", str(tmp / "o")],
                    ["worker"], ["feed", str(tmp / "none.jsonl")]):
        proc = procs.start(command[0], *command, "--metrics-port", "0") if command[0] != "feed" \
            else procs.start("feed", *command)
        rc = proc.wait(20)
        assert rc not in (None, 0), f"gleaner {command[0]} with no keys and no --insecure-plaintext started"
        assert "--insecure-plaintext" in proc.log_text(), proc.log_tail()
