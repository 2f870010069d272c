"""HTML pages through the real binary: article text and metadata, files in legacy
charsets, and garbage pages through `gleaner run` (every input ends as exactly one
result or error record, and the process exits)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from conftest import Procs, read_outputs_full, write_jsonl
from test_run_and_extract import _extract, run_to_exit

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="windows-1252">
<title>Museum reopens its east wing – Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<meta property="article:published_time" content="2024-05-14T09:00:00Z">
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/arts">Arts</a></nav>
<article><h1>Museum reopens its east wing</h1>
<p>The city museum reopened its east wing on Monday after a two-year restoration, and director Hanne Solberg said the building was “finally ready for the next century.”</p>
<p>Visitors queued from early morning to see the restored café ceiling, which had been hidden behind plasterboard since the 1970s.</p>
</article>
<div class="related-posts"><a href="/x">Five galleries to visit this summer</a></div>
<footer>Copyright Riverside Gazette</footer>
</body></html>"""


def test_extract_html_file_in_a_declared_legacy_charset(procs: Procs, tmp: Path):
    page = tmp / "museum.html"
    page.write_bytes(PAGE.encode("cp1252"))  # bytes 0x93/0x94/0xE9/0x96, not UTF-8
    obj, _ = _extract(procs, tmp, page)
    assert obj["contentType"] == "text/html"
    assert obj["title"] == "Museum reopens its east wing"
    assert obj["publishedAt"] == "2024-05-14T09:00:00Z" and obj["publishedAtSource"] == "html"
    assert obj["page"]["textSource"] == "article" and obj["page"]["siteName"] == "Riverside Gazette"
    text = obj["text"]
    assert "“finally ready for the next century.”" in text, "windows-1252 quotes not decoded"
    assert "café ceiling" in text, "windows-1252 letter not decoded"
    for boilerplate in ("Home", "Five galleries", "Copyright"):
        assert boilerplate not in text, f"boilerplate {boilerplate!r} in the article text"
    assert "\n\n" in text, "paragraphs must be separated by a blank line"
    for entity in obj["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"], f"offsets off: {mention}"
    for quote in obj["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    assert any("Solberg" in (q.get("speaker") or {}).get("name", "") for q in obj["quotes"]), obj["quotes"]


def garbage_pages() -> list[dict]:
    rng = random.Random(5)
    binary = bytes(rng.randrange(256) for _ in range(100_000)).decode("utf-8", "replace")
    article = "<p>The harbour board met on Tuesday and agreed to dredge the channel before the winter storms.</p>"
    return [
        {"id": "truncated", "contentType": "text/html", "content": "<html><body><div class=\"a\"><p>Cut off mid-ta"},
        {"id": "nested", "contentType": "text/html", "content": "<div>" * 100_000 + "deep" + "</div>" * 100_000},
        {"id": "binary", "contentType": "text/html", "content": binary},
        {"id": "huge", "contentType": "text/html",
         "content": "<html><body><article>" + article * 90_000 + "</article></body></html>"},
        {"id": "empty-body", "contentType": "text/html", "content": "<html><head><title>t</title></head><body></body></html>"},
        {"id": "unclosed-script", "contentType": "text/html", "content": "<html><body><script>var x = '<p>not text</p>"},
        {"id": "comment-only", "contentType": "text/html", "content": "<!-- " * 20_000},
    ]


def test_garbage_pages_each_end_as_one_record(procs: Procs, tmp: Path):
    docs = garbage_pages()
    source = write_jsonl(tmp / "garbage.jsonl", docs)
    out = tmp / "out"
    rc = run_to_exit(procs, "run", "run", "--workers", "2", "--out", out, source, timeout=600)
    assert rc == 0, f"gleaner run exited {rc}"
    outputs = read_outputs_full(out)
    ids = sorted([r["id"] for r in outputs.results] + [e["id"] for e in outputs.errors])
    assert ids == sorted(d["id"] for d in docs), f"records for {ids}"
    by_id = {r["id"]: r for r in outputs.results}
    assert "Cut off mid-ta" in by_id["truncated"]["text"]
    assert by_id["huge"]["page"]["textSource"] == "article"
    assert "not text" not in by_id["unclosed-script"]["text"]
    assert all(json.dumps(r) for r in outputs.results)
