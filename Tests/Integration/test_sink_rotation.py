"""Sink output for analytics (issue 14, point 2): rotated files that are renamed from
`.jsonl.open` to `.jsonl` once complete, exactly-once across every file and across
restarts (the index of written ids is on disk), the `drop` and `supersede` duplicate
policies, and `gleaner run`'s read/new/duplicate/error summary."""

from __future__ import annotations

import re
import time
from pathlib import Path

from conftest import Pipeline, Procs, assert_exactly_once, make_docs, wait_until, write_jsonl
from sink_files import all_ids, count_lines, output_files, read_records

TIMEOUT = 120


def _start(p: Pipeline, *sink_args: str) -> None:
    p.start_sink(*sink_args)
    p.start_broker()
    p.start_worker(threads=2)


def _wait_lines(p: Pipeline, n: int, what: str) -> None:
    def have():
        if p.sink is not None and not p.sink.alive():
            p.procs.fail(f"sink died (rc={p.sink.returncode}) waiting for {what}")
        return count_lines(p.out) >= n
    wait_until(have, TIMEOUT, what, p.procs, detail=lambda: f"have {count_lines(p.out)} of {n}")


def _open_files(out: Path) -> set[str]:
    return {f.name for f in out.glob("*.jsonl.open")}


def test_sigkill_at_rotation_boundaries_loses_and_repeats_nothing(pipeline: Pipeline, tmp: Path):
    p = pipeline
    docs = make_docs(450, seed=141, min_bytes=1500, max_bytes=4000)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    rotate = ("--rotate", "60KB")
    _start(p, *rotate)
    feed = p.feed(src)
    kills = 0
    for target in (80, 180, 280):
        _wait_lines(p, target, f"{target} lines before kill {kills + 1}")
        # Kill the moment a new file appears: the sink has just closed one and opened the next.
        before = _open_files(p.out)
        wait_until(lambda: _open_files(p.out) - before, 60, "the sink to rotate", p.procs, interval=0.002)
        p.sink.kill9()
        kills += 1
        assert count_lines(p.out) < len(docs), "the run finished before the kill; the test proves nothing"
        p.start_sink(*rotate)
    assert p.wait_feed(feed, TIMEOUT) == 0
    _wait_lines(p, len(docs), f"all {len(docs)} documents")
    time.sleep(p.lease_timeout + 1.5)  # a redelivery, the bug this test hunts, has time to land
    p.stop_all()
    assert not _open_files(p.out), f"a cleanly stopped sink left files open: {_open_files(p.out)}"
    closed = output_files(p.out, "results")
    assert len(closed) >= 5, f"expected many rotated files at 60KB, got {[f.name for f in closed]}"
    assert all(re.fullmatch(r"results-\d{8}T\d{4}Z-\d{6}\.jsonl", f.name) for f in closed), [f.name for f in closed]
    assert_exactly_once(all_ids(p.out), [d["id"] for d in docs], f"{kills} SIGKILLs at rotation boundaries")


def test_restart_keeps_exactly_once_across_rotated_and_renamed_files(pipeline: Pipeline, tmp: Path):
    p = pipeline
    first = make_docs(120, seed=142)
    _start(p, "--rotate", "40KB")
    assert p.wait_feed(p.feed(write_jsonl(tmp / "first.jsonl", first)), TIMEOUT) == 0
    _wait_lines(p, len(first), "the first batch")
    p.stop_all()
    # An analyst moves a closed file away (renamed in place): its ids must still count as written.
    moved = output_files(p.out, "results")[0]
    moved.rename(p.out / "results-archived-2025.jsonl")
    both = first + make_docs(80, start=121, seed=142)
    _start(p, "--rotate", "40KB")
    assert p.wait_feed(p.feed(write_jsonl(tmp / "both.jsonl", both)), TIMEOUT) == 0
    sink_log = lambda: p.sink.log_text().count("duplicate dropped")  # noqa: E731
    wait_until(lambda: count_lines(p.out) >= len(both) and sink_log() >= len(first), TIMEOUT,
               "the second batch written and the first one dropped", p.procs,
               detail=lambda: f"lines {count_lines(p.out)}, dropped {sink_log()}")
    p.stop_all()
    assert sink_log() == len(first), f"{sink_log()} drops logged, want one per re-sent id ({len(first)})"
    assert_exactly_once(all_ids(p.out), [d["id"] for d in both], "re-sent ids after a restart")


def test_supersede_writes_a_changed_result_as_a_new_version(pipeline: Pipeline, tmp: Path):
    p = pipeline
    doc = make_docs(1, prefix="story", seed=143)[0]
    _start(p, "--on-duplicate", "supersede")
    assert p.wait_feed(p.feed(write_jsonl(tmp / "v1.jsonl", [doc])), TIMEOUT) == 0
    _wait_lines(p, 1, "version 1")
    updated = dict(doc, content=doc["content"] + "\nCorrection: the vote was held on Wednesday.\n")
    # The same record again (a re-scrape with nothing new) is dropped; the changed one is version 2.
    assert p.wait_feed(p.feed(write_jsonl(tmp / "v2.jsonl", [doc, updated])), TIMEOUT) == 0
    _wait_lines(p, 2, "version 2")
    wait_until(lambda: "duplicate dropped" in p.sink.log_text(), TIMEOUT, "the unchanged copy dropped", p.procs)
    p.stop_all()
    versions = [(r["id"], r["version"], r["supersedes"]) for r in _read_plain(p.out)]
    assert versions == [(doc["id"], 1, None), (doc["id"], 2, 1)], versions


def _read_plain(out: Path) -> list[dict]:
    import json
    return [json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()]


def test_run_twice_into_one_folder_reports_duplicates(procs: Procs, tmp: Path):
    docs = make_docs(8, seed=144)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    out = tmp / "out"
    summaries = []
    for attempt in (1, 2):
        proc = procs.start("run", "run", "--out", out, src)
        assert proc.wait(120) == 0, f"gleaner run #{attempt} failed"
        summaries.append(proc.log_text())
    assert re.search(r"read 8 documents: 8 new, 0 duplicate, 0 error", summaries[0]), summaries[0]
    assert re.search(r"read 8 documents: 0 new, 8 duplicate, 0 error", summaries[1]), summaries[1]
    assert "8 ids were already in" in summaries[1]
    assert_exactly_once(all_ids(out), [d["id"] for d in docs], "two runs into one folder")


def test_moving_results_jsonl_away_starts_a_new_file(pipeline: Pipeline, tmp: Path):
    p = pipeline
    first = make_docs(30, seed=145)
    _start(p)
    assert p.wait_feed(p.feed(write_jsonl(tmp / "first.jsonl", first)), TIMEOUT) == 0
    _wait_lines(p, len(first), "the first batch")
    archived = p.out / "results-2025-03-04.jsonl"
    (p.out / "results.jsonl").rename(archived)
    size = archived.stat().st_size
    wait_until(lambda: (p.out / "results.jsonl").exists(), 30, "the sink to start a new results.jsonl", p.procs)
    both = first + make_docs(20, start=31, seed=145)
    assert p.wait_feed(p.feed(write_jsonl(tmp / "both.jsonl", both)), TIMEOUT) == 0
    _wait_lines(p, len(both), "the second batch")
    p.sink.kill9()  # and a restart must still know the ids in the moved file
    p.start_sink()
    assert p.wait_feed(p.feed(write_jsonl(tmp / "again.jsonl", both)), TIMEOUT) == 0
    wait_until(lambda: p.sink.log_text().count("duplicate dropped") >= len(both), TIMEOUT,
               "the re-sent ids dropped", p.procs)
    p.stop_all()
    assert archived.stat().st_size == size, "the sink kept appending to the file moved away"
    assert_exactly_once(all_ids(p.out), [d["id"] for d in both], "ids in a file moved away while the sink ran")
