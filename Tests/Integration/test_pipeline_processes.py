"""The distributed pipeline as separate processes: broker, sink, workers, feed.

Each test checks the delivery guarantee: every fed document ends up exactly once in
results.jsonl/errors.jsonl, whatever process is killed with SIGKILL on the way, and
no line in the output is ever torn.
"""

from __future__ import annotations

import signal
import time

import pytest

from conftest import (
    Pipeline, assert_exactly_once, make_docs, read_outputs, read_outputs_full, write_jsonl,
)

# Upper bounds, generous for a loaded 2-core machine; a healthy run takes a fraction.
FEED_TIMEOUT = 120
DRAIN_TIMEOUT = 120


def _settle(p: Pipeline, n: int) -> None:
    """After n lines arrived, wait out one lease period so that a redelivered duplicate
    (the bug exactly-once must catch) has time to show up, then stop everything."""
    time.sleep(p.lease_timeout + 1.5)
    p.stop_all()


def _kill_mid_run(p: Pipeline, victim_name: str, kill, total: int, after: int, feed=None) -> int:
    """Wait until at least `after` output lines exist, call kill(), and return the count at
    that moment; fail if the run had already finished (the kill would prove nothing)."""
    p.wait_for_count(after, DRAIN_TIMEOUT, f"{after} output lines before killing the {victim_name}")
    seen = p.count()
    kill()
    if seen >= total:
        p.procs.fail(f"the pipeline finished all {total} docs before the {victim_name} could be killed "
                     f"mid-run; this test needs a slower run (more/larger docs)")
    return seen


def test_happy_path_2000_docs_exactly_once(pipeline: Pipeline, tmp):
    p = pipeline
    docs = make_docs(2000, seed=11)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    p.start_sink()
    p.start_broker()
    p.start_worker(threads=1)
    p.start_worker(threads=2)
    feed = p.feed(src)
    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, f"gleaner feed exited {rc}, want 0 (every document acknowledged)\n{feed.log_tail()}"
    p.wait_for_count(len(docs), DRAIN_TIMEOUT)
    _settle(p, len(docs))

    out = read_outputs_full(p.out)
    assert not out.errors, f"good documents produced error records: {[e for e in out.errors[:3]]}"
    assert_exactly_once(out.ids, [d["id"] for d in docs], "2,000 fed documents")
    # the contract: for text/plain, `text` is `content` unchanged; publishedAt given is kept
    by_id = {d["id"]: d for d in docs}
    bad_text = [r["id"] for r in out.results if r["text"] != by_id[r["id"]]["content"]]
    assert not bad_text, f"{len(bad_text)} results whose text != content (plain text), e.g. {bad_text[:5]}"
    bad_pub = [(r["id"], r["publishedAt"]) for r in out.results if not r["publishedAt"]]
    assert not bad_pub, f"results lost the given publishedAt, e.g. {bad_pub[:5]}"
    bad_pass = [r["id"] for r in out.results
                if r.get("url") != by_id[r["id"]]["url"] or r.get("source") != "integration-test"
                or ("metadata" in by_id[r["id"]] and r.get("metadata") != by_id[r["id"]]["metadata"])]
    assert not bad_pass, f"url/source/metadata not passed through unchanged, e.g. {bad_pass[:5]}"


def test_worker_killed_mid_run_exactly_once(pipeline: Pipeline, tmp):
    p = pipeline
    docs = make_docs(3000, seed=12)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    p.start_sink()
    p.start_broker()
    victim = p.start_worker(threads=2)
    p.start_worker(threads=1)
    feed = p.feed(src)
    seen = _kill_mid_run(p, "worker", victim.kill9, len(docs), after=300)
    p.start_worker(threads=2)

    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, f"gleaner feed exited {rc}, want 0\n{feed.log_tail()}"
    p.wait_for_count(len(docs), DRAIN_TIMEOUT, f"all {len(docs)} docs after killing a worker at {seen}")
    _settle(p, len(docs))
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in docs],
                        f"3,000 docs with a worker SIGKILLed after {seen} outputs")


def test_sink_killed_mid_run_restarted_exactly_once_no_torn_line(pipeline: Pipeline, tmp):
    p = pipeline
    docs = make_docs(3000, seed=13)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    p.start_sink()
    p.start_broker()
    p.start_worker(threads=2)
    p.start_worker(threads=1)
    feed = p.feed(src)
    seen = _kill_mid_run(p, "sink", p.sink.kill9, len(docs), after=400)
    time.sleep(0.5)  # let workers notice / buffer while the sink is gone
    p.start_sink()  # same --bind, same --out

    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, f"gleaner feed exited {rc}, want 0\n{feed.log_tail()}"
    p.wait_for_count(len(docs), DRAIN_TIMEOUT, f"all {len(docs)} docs after killing the sink at {seen}")
    _settle(p, len(docs))
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in docs],
                        f"3,000 docs with the sink SIGKILLed after {seen} outputs and restarted")


def test_broker_killed_mid_run_restarted_with_journal_feed_still_succeeds(pipeline: Pipeline, tmp):
    p = pipeline
    docs = make_docs(3000, seed=14)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    p.start_sink()
    p.start_broker()
    p.start_worker(threads=2)
    p.start_worker(threads=1)
    feed = p.feed(src)
    seen = _kill_mid_run(p, "broker", p.broker.kill9, len(docs), after=300)
    feed_running_at_kill = feed.alive()
    time.sleep(0.5)
    p.start_broker()  # same ports, same --journal

    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, (f"gleaner feed exited {rc} after a broker restart (feed was "
                     f"{'still running' if feed_running_at_kill else 'already done'} at the kill), "
                     f"want 0\n{feed.log_tail()}")
    p.wait_for_count(len(docs), DRAIN_TIMEOUT, f"all {len(docs)} docs after killing the broker at {seen}")
    _settle(p, len(docs))
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in docs],
                        f"3,000 docs with the broker SIGKILLed after {seen} outputs and restarted "
                        f"from its journal")


# ----------------------------------------------------------------------------- SIGTERM

STOP_DEADLINE = 5
MAX_STOP_SECONDS = 8


def _assert_clean_stop(proc, what: str, sig=signal.SIGTERM) -> None:
    rc, elapsed = proc.term(timeout=MAX_STOP_SECONDS + 7, sig=sig)
    name = signal.Signals(sig).name
    assert rc == 0 and elapsed < MAX_STOP_SECONDS, (
        f"{what}: after {name} with --stop-deadline {STOP_DEADLINE}, exit code {rc} "
        f"(None = still running, had to SIGKILL) after {elapsed:.1f} s; want 0 within "
        f"{MAX_STOP_SECONDS} s\n--- {proc.name} log ---\n{proc.log_tail()}")


def test_sigterm_idle_processes_exit_0_within_deadline(pipeline: Pipeline, tmp):
    p = pipeline
    p.start_sink()
    p.start_broker()
    w = p.start_worker(threads=2)
    # a tiny feed so every process is connected and has done some work
    docs = make_docs(20, seed=15)
    feed = p.feed(write_jsonl(tmp / "docs.jsonl", docs))
    assert p.wait_feed(feed, FEED_TIMEOUT) == 0, feed.log_tail()
    p.wait_for_count(len(docs), DRAIN_TIMEOUT)
    _assert_clean_stop(w, "idle worker")
    _assert_clean_stop(p.broker, "broker")
    _assert_clean_stop(p.sink, "sink")


def test_sigterm_worker_mid_work_drains_exits_0_and_nothing_lost(pipeline: Pipeline, tmp):
    p = pipeline
    docs = make_docs(3000, seed=16, min_bytes=2000, max_bytes=5000)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    p.start_sink()
    p.start_broker()
    w = p.start_worker(threads=2)
    feed = p.feed(src)
    p.wait_for_count(100, DRAIN_TIMEOUT, "100 outputs before SIGTERM to the busy worker")
    seen = p.count()
    if seen >= len(docs):
        p.procs.fail("the worker finished every document before it could be stopped mid-work")
    _assert_clean_stop(w, f"worker mid-work (after {seen} of {len(docs)} outputs)")

    # Whatever it held must not be lost or doubled: a fresh worker finishes the rest.
    p.start_worker(threads=2)
    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, f"gleaner feed exited {rc}\n{feed.log_tail()}"
    p.wait_for_count(len(docs), DRAIN_TIMEOUT)
    _settle(p, len(docs))
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in docs],
                        "docs with a worker SIGTERMed mid-work then replaced")


def test_sigterm_broker_and_sink_mid_run_exit_0_within_deadline(pipeline: Pipeline, tmp):
    p = pipeline
    docs = make_docs(3000, seed=17)
    p.start_sink()
    p.start_broker()
    p.start_worker(threads=2)
    feed = p.feed(write_jsonl(tmp / "docs.jsonl", docs))
    p.wait_for_count(100, DRAIN_TIMEOUT, "100 outputs before SIGTERM to the broker")
    _assert_clean_stop(p.broker, f"broker mid-run (after {p.count()} outputs)")
    _assert_clean_stop(p.sink, f"sink mid-run (after {p.count()} outputs)")
    # the worker, with its broker and sink gone, must still stop on time
    _assert_clean_stop(p.workers[0], "worker whose broker and sink are gone")
    feed.kill9()
    # what the sink wrote before stopping is whole
    read_outputs_full(p.out)


def test_sigint_stops_like_sigterm(pipeline: Pipeline):
    p = pipeline
    p.start_sink()
    p.start_broker()
    w = p.start_worker()
    time.sleep(0.5)
    _assert_clean_stop(w, "worker (SIGINT)", sig=signal.SIGINT)
    _assert_clean_stop(p.broker, "broker (SIGINT)", sig=signal.SIGINT)
    _assert_clean_stop(p.sink, "sink (SIGINT)", sig=signal.SIGINT)
