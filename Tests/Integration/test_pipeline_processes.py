"""The distributed pipeline as separate processes: broker, sink, workers, feed.

Each test checks the delivery guarantee: every fed document ends up exactly once in
results.jsonl/errors.jsonl, whatever process is killed with SIGKILL on the way, and
no line in the output is ever torn.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time

from conftest import (
    Pipeline, StdinWriter, assert_exactly_once, cpu_seconds, free_port, jsonl_bytes, make_docs,
    read_outputs, read_outputs_full, sha256_hex, write_jsonl,
)

# Upper bounds, generous for a loaded 2-core machine; a healthy run takes a fraction.
FEED_TIMEOUT = 120
DRAIN_TIMEOUT = 120


def _settle(p: Pipeline, n: int) -> None:
    """After n lines arrived, wait out one lease period so that a redelivered duplicate
    (the bug exactly-once must catch) has time to show up, then stop everything."""
    time.sleep(p.lease_timeout + 1.5)
    p.stop_all()


def _drain_exactly_once(p: Pipeline, docs: list[dict], what: str, waiting: str = "") -> None:
    """Wait for a line per document, settle, and check every id was written exactly once."""
    p.wait_for_count(len(docs), DRAIN_TIMEOUT, waiting)
    _settle(p, len(docs))
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in docs], what)


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
    _drain_exactly_once(p, docs, f"3,000 docs with a worker SIGKILLed after {seen} outputs",
                        waiting=f"all {len(docs)} docs after killing a worker at {seen}")


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
    _drain_exactly_once(p, docs, f"3,000 docs with the sink SIGKILLed after {seen} outputs and restarted",
                        waiting=f"all {len(docs)} docs after killing the sink at {seen}")


def test_sink_restart_repairs_a_torn_last_line(pipeline: Pipeline, tmp):
    """A SIGKILL mid-write leaves half a line; whether a random kill hits one is luck, so
    this test writes the half line itself (the head of a record for a document that has
    not been written yet) between the kill and the restart."""
    p = pipeline
    docs = make_docs(1000, seed=25)
    p.start_sink()
    p.start_broker()
    p.start_worker(threads=2)
    feed = p.feed(write_jsonl(tmp / "docs.jsonl", docs))
    seen = _kill_mid_run(p, "sink", p.sink.kill9, len(docs), after=200)
    results = p.out / "results.jsonl"
    data = results.read_bytes()
    if not data.endswith(b"\n"):  # the kill itself tore a line: the test gets it for free
        torn_id = None
    else:
        written = {json.loads(line)["id"] for line in data.splitlines()}
        torn_id = next(d["id"] for d in reversed(docs) if d["id"] not in written)
        with open(results, "ab") as f:
            f.write(('{"id":"%s","title":"Half a record, cut by a cra' % torn_id).encode())
    p.start_sink()
    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, f"gleaner feed exited {rc}\n{feed.log_tail()}"
    p.wait_for_count(len(docs), DRAIN_TIMEOUT, f"all {len(docs)} docs after a torn line (killed at {seen})")
    _settle(p, len(docs))
    # read_outputs fails on any torn or invalid line; exactly-once fails if the half
    # record's id was taken as written (then that document would be lost)
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in docs],
                        f"docs around a torn last line for {torn_id or 'a record torn by the kill'}")


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
    _drain_exactly_once(p, docs, f"3,000 docs with the broker SIGKILLed after {seen} outputs and restarted "
                        f"from its journal",
                        waiting=f"all {len(docs)} docs after killing the broker at {seen}")


def test_broker_killed_while_feed_streams_stdin_feed_resends_and_exits_0(pipeline: Pipeline, tmp):
    """`gleaner feed -` fed from a slow pipe, so the broker dies while the feed is certainly
    still sending (with a file, feed is done acknowledging 3,000 docs in well under a second)."""
    p = pipeline
    docs = make_docs(1500, seed=18, prefix="stream")
    p.start_sink()
    p.start_broker()
    for w in (p.start_worker(threads=2), p.start_worker(threads=1)):
        p.wait_healthy(w)  # workers up first, so output flows while the writer is still writing
    feed = p.feed("-", stdin=subprocess.PIPE)
    # 1,500 docs in batches of 20 every 0.1 s: about 7.5 s of streaming
    writer = StdinWriter(feed, [jsonl_bytes(docs[i:i + 20]) for i in range(0, len(docs), 20)], pause=0.1)
    p.wait_for_count(200, DRAIN_TIMEOUT, "200 outputs before killing the broker")
    sent_at_kill = writer.written * 20
    p.broker.kill9()
    if writer.done():
        p.procs.fail("the writer had already sent every doc to feed's stdin when the broker was killed")
    time.sleep(1.0)  # broker down for a second while the feed keeps reading stdin
    p.start_broker()
    writer.join(60, p.procs, "after the broker restart")
    assert writer.error is None, f"writing to feed's stdin failed: {writer.error} (did feed die?)"

    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, (f"gleaner feed - exited {rc} after the broker was SIGKILLed with {sent_at_kill} of "
                     f"{len(docs)} lines written and restarted, want 0\n{feed.log_tail()}")
    _drain_exactly_once(p, docs, f"{len(docs)} docs streamed through `feed -`, broker SIGKILLed after {sent_at_kill} "
                        f"were written to the feed",
                        waiting=f"all {len(docs)} streamed docs after a broker restart")


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
    docs = make_docs(1000, seed=16)
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
    _drain_exactly_once(p, docs, "docs with a worker SIGTERMed mid-work then replaced")


def test_sigterm_broker_and_sink_mid_run_exit_0_within_deadline(pipeline: Pipeline, tmp):
    p = pipeline
    docs = make_docs(1000, seed=17)
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
    for proc in (p.sink, p.broker, w):
        p.wait_healthy(proc)
    _assert_clean_stop(w, "worker (SIGINT)", sig=signal.SIGINT)
    _assert_clean_stop(p.broker, "broker (SIGINT)", sig=signal.SIGINT)
    _assert_clean_stop(p.sink, "sink (SIGINT)", sig=signal.SIGINT)


def test_feed_waits_quietly_while_broker_is_down(pipeline: Pipeline, tmp):
    """While its broker is unreachable, `gleaner feed` must wait, not spin a CPU core; once
    the broker is back, it delivers everything and exits 0."""
    p = pipeline
    first = make_docs(100, seed=19, prefix="before-outage")
    second = make_docs(100, seed=20, prefix="during-outage")
    p.start_sink()
    p.start_broker()
    p.start_worker(threads=1)
    feed = p.feed("-", stdin=subprocess.PIPE)
    w1 = StdinWriter(feed, [jsonl_bytes(first)], close=False)
    p.wait_for_count(len(first), DRAIN_TIMEOUT, "the first 100 docs before the broker outage")
    w1.join(10, p.procs)
    p.broker.kill9()
    # more input arrives while the broker is down: the feed has something it cannot send
    w2 = StdinWriter(feed, [jsonl_bytes(second)])
    time.sleep(0.5)
    outage = 3.0
    cpu0 = cpu_seconds(feed.pid)
    time.sleep(outage)
    used = cpu_seconds(feed.pid) - cpu0
    p.start_broker()
    w2.join(60, p.procs, "after the broker came back")
    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, f"gleaner feed - exited {rc} after a broker outage, want 0\n{feed.log_tail()}"
    p.wait_for_count(len(first) + len(second), DRAIN_TIMEOUT)
    _settle(p, len(first) + len(second))
    assert_exactly_once(read_outputs(p.out), [d["id"] for d in first + second], "docs around a broker outage")
    assert used < 0.3 * outage, (
        f"gleaner feed used {used:.2f} s of CPU during a {outage:.0f} s broker outage (busy-waiting); "
        f"want well under {0.3 * outage:.1f} s\n{feed.log_tail()}")


# ----------------------------------------------------------------------------- feed inputs


def test_feed_directory_recursive_txt_html_jsonl_and_garbage_lines(pipeline: Pipeline, tmp):
    """feed walks directories recursively; .txt/.html files become one document each (id =
    sha256 of the content), JSON Lines lines are sent as they are, garbage included."""
    p = pipeline
    root = tmp / "inbox"
    (root / "a" / "b").mkdir(parents=True)
    txts = {root / "one.txt": make_docs(1, seed=51)[0]["content"],
            root / "a" / "two.txt": make_docs(1, seed=52)[0]["content"],
            root / "a" / "b" / "three.txt": "Lisbon: night buses return\n\nNight buses return on Friday, "
                                            "the mayor said.\n"}
    htmls = {root / "a" / "page.html": "<html><head><title>Port plan</title></head><body><h1>Port plan</h1>"
                                       "<p>Officials said on Monday that the port would expand.</p></body></html>",
             root / "a" / "b" / "page2.htm": "<html><body><h1>Flood warning</h1><p>The river rose on "
                                             "Sunday, the agency said.</p></body></html>"}
    for path, text in {**txts, **htmls}.items():
        path.write_text(text, encoding="utf-8")
    good = make_docs(5, seed=53, prefix="dir-jsonl")
    garbage_lines = [b'{"id": "cut-short", "content": "Headline\\n\\nThe body is cut', b"not json at all"]
    with open(root / "a" / "records.jsonl", "wb") as f:
        for d in good[:3]:
            f.write(json.dumps(d).encode() + b"\n")
        for g in garbage_lines:
            f.write(g + b"\n")
        for d in good[3:]:
            f.write(json.dumps(d).encode() + b"\n")
    (root / "notes.md").write_text("not an input: ignored\n")

    p.start_sink()
    p.start_broker()
    p.start_worker(threads=2)
    feed = p.feed(root)
    rc = p.wait_feed(feed, FEED_TIMEOUT)
    assert rc == 0, f"gleaner feed DIR exited {rc}\n{feed.log_tail()}"
    file_ids = {sha256_hex(t.encode()): t for t in {**txts, **htmls}.values()}
    garbage_ids = {sha256_hex(g): g for g in garbage_lines}
    expected = list(file_ids) + [d["id"] for d in good] + list(garbage_ids)
    p.wait_for_count(len(expected), DRAIN_TIMEOUT)
    _settle(p, len(expected))
    out = read_outputs_full(p.out)
    assert_exactly_once(out.ids, expected, "files under a directory tree plus JSON Lines records")
    by_id = {r["id"]: r for r in out.results}
    for text in txts.values():
        r = by_id.get(sha256_hex(text.encode()))
        assert r is not None, f"no result for .txt file starting {text[:40]!r}"
        assert r["text"] == text, "a .txt file's result text must be the file content unchanged"
    errors = {e["id"]: e for e in out.errors}
    for gid, raw in garbage_ids.items():
        assert gid in errors, f"garbage line {raw!r} has no error record with id sha256(line)"
        assert errors[gid]["error"]["code"] == "invalid_json", f"{raw!r}: {errors[gid]['error']}"
        assert errors[gid]["input"] == raw.decode(), f"{raw!r}: input not kept: {errors[gid]['input']!r}"


def test_feed_without_a_broker_does_not_exit_0(procs, tmp):
    """feed exits 0 only once the broker acknowledged every document: with nobody listening
    it must keep trying (or fail), never report success."""
    src = write_jsonl(tmp / "docs.jsonl", make_docs(5, seed=54))
    feed = procs.start("feed", "feed", "--insecure-plaintext", "--to", f"tcp://127.0.0.1:{free_port()}", src)
    rc = feed.wait(4)
    assert rc is None or rc != 0, f"gleaner feed exited 0 with no broker listening\n{feed.log_tail()}"
