"""Near-duplicates (issue 14, point 5): every result carries a content signature, and
the sink marks `nearDuplicateOf` with the earliest earlier record of (estimated) Jaccard
>= 0.8, from an index kept on disk, so a copy is found across runs into one folder."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Procs, make_docs, write_jsonl
from sink_files import read_records


def _run(procs: Procs, out: Path, src: Path) -> None:
    proc = procs.start("run", "run", "--out", out, src)
    assert proc.wait(120) == 0, f"gleaner run {src.name} failed"


def _edited_copies(originals: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Copy id -> original id: a new headline, a dropped paragraph, added boilerplate."""
    copies, expected = [], {}
    for number, doc in enumerate(originals):
        headline, _, body = doc["content"].partition("\n\n")
        paragraphs = body.strip().split("\n\n")
        assert len(paragraphs) >= 7, "test bug: originals need many paragraphs"
        if number % 3 == 0:
            content = "Updated: " + headline.lower() + " after talks\n\n" + body
        elif number % 3 == 1:
            content = headline + "\n\n" + "\n\n".join(paragraphs[:-1]) + "\n"
        else:
            content = doc["content"] + "\nFollow us for more news. Share this story with your friends.\n"
        copy_id = f"copy-of-{doc['id']}"
        copies.append({"id": copy_id, "content": content, "source": "syndicated"})
        expected[copy_id] = doc["id"]
    return copies, expected


def test_edited_copies_point_to_their_original_across_runs(procs: Procs, tmp: Path):
    originals = make_docs(6, prefix="orig", seed=161, min_bytes=4500, max_bytes=5000)
    unrelated = make_docs(6, prefix="other", seed=162, min_bytes=4500, max_bytes=5000)
    copies, expected = _edited_copies(originals)
    out = tmp / "out"
    _run(procs, out, write_jsonl(tmp / "originals.jsonl", originals))
    _run(procs, out, write_jsonl(tmp / "later.jsonl", copies + unrelated))
    records = {r["id"]: r for r in read_records(out)}
    assert len(records) == len(originals) + len(copies) + len(unrelated)
    for record in records.values():
        assert re.fullmatch(r"[0-9a-f]{512}", record["contentSignature"]), record["id"]
    marks = {i: r["nearDuplicateOf"] for i, r in records.items() if r["nearDuplicateOf"] is not None}
    assert marks == expected, f"nearDuplicateOf marks {marks}, want {expected}"


def test_a_sink_without_near_duplicates_marks_nothing(procs: Procs, tmp: Path):
    # The switch exists for deployments that do not want the index: it must really be off.
    from conftest import Pipeline
    p = Pipeline(procs, tmp)
    originals = make_docs(3, prefix="orig", seed=163, min_bytes=4500, max_bytes=5000)
    copies, _ = _edited_copies(originals)
    p.start_sink("--no-near-duplicates")
    p.start_broker()
    p.start_worker()
    assert p.wait_feed(p.feed(write_jsonl(tmp / "docs.jsonl", originals + copies)), 120) == 0
    p.wait_for_count(len(originals) + len(copies), 120)
    p.stop_all()
    records = read_records(p.out)
    assert len(records) == 6 and all(r["nearDuplicateOf"] is None for r in records)
