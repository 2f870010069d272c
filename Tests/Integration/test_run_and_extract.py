"""The single-process commands: `gleaner run` and `gleaner extract`."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from conftest import (
    REPO_ROOT, Procs, assert_exactly_once, make_docs, read_outputs_full, write_jsonl,
)

EXAMPLES = REPO_ROOT / "examples"
DOC_SUFFIXES = {".txt", ".html", ".htm"}


def example_documents() -> list[Path]:
    """The documents in examples/: .txt/.html files, and each line of .jsonl files."""
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES | {".jsonl"})


def count_example_documents() -> int:
    n = 0
    for p in example_documents():
        if p.suffix.lower() == ".jsonl":
            n += sum(1 for line in p.read_text("utf-8").splitlines() if line.strip())
        else:
            n += 1
    return n


def run_to_exit(procs: Procs, name: str, *args, timeout: float, cwd=None) -> int:
    proc = procs.start(name, *args, cwd=cwd)
    rc = proc.wait(timeout)
    if rc is None:
        procs.fail(f"gleaner {' '.join(map(str, args))} still running after {timeout:.0f} s")
    return rc


def test_run_with_no_input_processes_bundled_examples(procs: Procs, tmp: Path):
    n_examples = count_example_documents()
    assert n_examples > 0, f"no example documents found under {EXAMPLES} (.txt/.html/.jsonl)"
    out = tmp / "out"
    # run from an unrelated directory: the examples are *bundled*, not looked up in the cwd
    rc = run_to_exit(procs, "run", "run", "--out", out, timeout=120, cwd=tmp)
    assert rc == 0, f"gleaner run (no input) exited {rc}, want 0"
    o = read_outputs_full(out)
    assert len(o.results) == n_examples, (
        f"results.jsonl has {len(o.results)} lines, want one per example document ({n_examples}); "
        f"errors: {[(e['id'], e['error']) for e in o.errors]}")
    assert len(set(o.result_ids)) == len(o.result_ids), f"duplicate ids: {o.result_ids}"
    empty = [r["id"] for r in o.results if not r["text"].strip()]
    assert not empty, f"examples with empty text: {empty}"


def test_run_two_workers_1000_docs_exactly_once(procs: Procs, tmp: Path):
    docs = make_docs(1000, seed=31)
    src = write_jsonl(tmp / "docs.jsonl", docs)
    out = tmp / "out"
    t0 = time.monotonic()
    rc = run_to_exit(procs, "run", "run", "--workers", "2", "--out", out, src, timeout=180)
    assert rc == 0, f"gleaner run --workers 2 exited {rc}, want 0"
    o = read_outputs_full(out)
    assert not o.errors, f"good documents produced errors: {o.errors[:3]}"
    assert_exactly_once(o.ids, [d["id"] for d in docs], f"1,000 docs through gleaner run "
                                                        f"({time.monotonic() - t0:.1f} s)")


def _extract(procs: Procs, tmp: Path, *args, stdin: bytes | None = None, timeout: float = 60):
    log = tmp / "extract.log"
    with open(log, "ab") as err:
        try:
            cp = subprocess.run([str(procs.binary), "extract", *map(str, args)], input=stdin,
                                stdout=subprocess.PIPE, stderr=err, timeout=timeout,
                                stdin=None if stdin is not None else subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            pytest.fail(f"gleaner extract {args} did not finish in {timeout} s\n{log.read_text()[-3000:]}")
    stderr = log.read_text("utf-8", "replace")[-3000:]
    assert cp.returncode == 0, f"gleaner extract {args} exited {cp.returncode}\nstderr:\n{stderr}"
    text = cp.stdout.decode("utf-8")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        pytest.fail(f"gleaner extract stdout is not one JSON value ({e}):\n{text[:2000]}\nstderr:\n{stderr}")
    assert isinstance(obj, dict), f"gleaner extract printed {type(obj).__name__}, want an object"
    return obj, text


REQUIRED = ("id", "title", "text", "language", "publishedAt", "entities", "quotes", "timex", "extractor")


def test_extract_txt_file_text_equals_content(procs: Procs, tmp: Path):
    content = make_docs(1, seed=32, min_bytes=1500, max_bytes=1600)[0]["content"]
    content = content.replace("Geneva", "Genève")  # non-ASCII: offsets count code points
    f = tmp / "article.txt"
    f.write_text(content, encoding="utf-8")
    obj, raw = _extract(procs, tmp, f)
    missing = [k for k in REQUIRED if k not in obj]
    assert not missing, f"extract result lacks {missing}"
    assert obj["text"] == content, "extract of a .txt file: text must be the file content unchanged"
    assert obj["title"] == content.splitlines()[0], f"title {obj['title']!r}, want the headline line"
    assert "\n" in raw.strip(), "extract should pretty-print (multi-line JSON)"
    for m in (x for e in obj["entities"] for x in e.get("mentions", [])):
        assert content[m["start"]:m["end"]] == m["text"], f"mention offsets wrong: {m}"


def test_extract_stdin_json_record(procs: Procs, tmp: Path):
    doc = make_docs(1, seed=33)[0]
    doc["id"] = "stdin-doc-1"
    obj, _ = _extract(procs, tmp, "-", stdin=json.dumps(doc).encode())
    assert obj["id"] == "stdin-doc-1"
    assert obj["text"] == doc["content"]
    assert obj["url"] == doc["url"] and obj["source"] == doc["source"], "url/source not passed through"
    assert isinstance(obj["extractor"], dict) and obj["extractor"].get("version")


def test_extract_stdin_record_without_id_gets_sha256_id(procs: Procs, tmp: Path):
    import hashlib
    content = "Tokyo talks resume\n\nOfficials said on Monday that the talks would resume next week."
    obj, _ = _extract(procs, tmp, "-", stdin=json.dumps({"content": content}).encode())
    assert obj["id"] == hashlib.sha256(content.encode("utf-8")).hexdigest()


def test_extract_explain_prints_each_quotes_layout_and_rule(procs: Procs, tmp: Path):
    f = tmp / "bridge.txt"
    f.write_text("Harbour news\n\n“The bridge will open in May,” Nora Vale said. “Nobody will wait another year.”\n\n"
                 "Nora Vale said the council would pay for the repairs.\n", encoding="utf-8")
    obj, _ = _extract(procs, tmp, f)
    cp = subprocess.run([str(procs.binary), "extract", "--explain", str(f)], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, timeout=60)
    assert cp.returncode == 0, f"gleaner extract --explain exited {cp.returncode}: {cp.stderr.decode()[-2000:]}"
    lines = cp.stdout.decode("utf-8").splitlines()
    headers = [line for line in lines if line.startswith("quote ")]
    assert len(headers) == len(obj["quotes"]) == 3, f"one block per quote of the record, got:\n{lines}"
    assert "  layout: quotation marks" in lines and "  layout: indirect speech" in lines, lines
    chosen = [line for line in lines if line.startswith("  speaker: ")]
    assert any(line.endswith("chosen by: cue after the quote, cue: said") for line in chosen), chosen
    assert any("chosen by: continues the previous quote's speaker" in line for line in chosen), chosen
