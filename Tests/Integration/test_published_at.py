"""The publication date through a real `gleaner run` (issue 13): every form a scraper sends
comes out as RFC 3339 or null, the raw string is kept, an unreadable one leaves a warning,
the UTC column parses with pandas, and an estimated date never claims to be given."""

from __future__ import annotations

import re
from pathlib import Path

import pandas
import pytest

from conftest import Procs, read_outputs_full, write_jsonl
from test_schemas import assert_all_valid

RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))?$")

BODY = "The council met to discuss the budget.\n\nMembers said the talks went well on Monday."

# (id, publishedAt as sent, publishedAt wanted, publishedAtUtc wanted)
FORMS = [
    ("rfc3339-offset", "2025-09-23T10:15:00+01:00", "2025-09-23T10:15:00+01:00", "2025-09-23T09:15:00Z"),
    ("rfc3339-z", "2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"),
    ("rfc3339-fraction", "2025-03-04T10:00:00.250-05:00", "2025-03-04T10:00:00.250-05:00", "2025-03-04T15:00:00Z"),
    ("rfc822-gmt", "Tue, 04 Mar 2025 10:00:00 GMT", "2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"),
    ("rfc822-offset", "Tue, 4 Mar 2025 10:00:00 -0500", "2025-03-04T10:00:00-05:00", "2025-03-04T15:00:00Z"),
    ("rfc822-est", "4 Mar 25 10:00 EST", "2025-03-04T10:00:00-05:00", "2025-03-04T15:00:00Z"),
    ("space-minutes", "2025-03-04 10:00", "2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"),
    ("space-minutes-zone", "2025-03-04 10:00 +02:00", "2025-03-04T10:00:00+02:00", "2025-03-04T08:00:00Z"),
    ("date-only", "2025-03-01", "2025-03-01", "2025-03-01T00:00:00Z"),
    ("epoch-string", "1741082400", "2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"),
    ("epoch-number", 1741082400, "2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"),
    ("epoch-millis", 1741082400123, "2025-03-04T10:00:00.123Z", "2025-03-04T10:00:00Z"),
]

HTML_PAGE = """<!doctype html><html lang="en"><head><title>Council agrees budget</title>
<meta property="article:published_time" content="2025-09-23T10:15:00+01:00"></head>
<body><article><h1>Council agrees budget</h1>
<p>The council met on Monday to discuss the budget for the coming year, members said afterwards.</p>
<p>The talks went well and a vote is planned for next week, according to the council's leader.</p>
</article></body></html>"""

# An undated story whose text pins its day: the first call was 1 January 1985, and the
# 20th anniversary is "this weekend".
ESTIMATED = ("Phones turn 20\n\nMobile phones are celebrating their 20th anniversary this weekend. "
             "The first call was made on 1 January 1985 by a comedian, and now most people own one.")


def run(procs: Procs, tmp: Path, records: list[dict]):
    inp = write_jsonl(tmp / "in.jsonl", records)
    out = tmp / "out"
    proc = procs.start("run", "run", "--out", out, inp)
    rc = proc.wait(180)
    if rc is None:
        procs.fail("gleaner run still running after 180 s")
    assert rc == 0, f"gleaner run exited {rc}"
    outputs = read_outputs_full(out)
    assert not outputs.errors, f"error records: {outputs.errors}"
    assert_all_valid("result", out / "results.jsonl", list(enumerate(outputs.results, 1)))
    return {r["id"]: r for r in outputs.results}


def test_every_form_becomes_rfc3339_with_a_utc_column(procs: Procs, tmp: Path):
    records = [{"id": i, "content": BODY, "publishedAt": sent} for i, sent, _, _ in FORMS]
    records += [
        {"id": "unreadable", "content": BODY, "publishedAt": "sometime last spring", "metadata": {"feed": "f1"}},
        {"id": "absent", "content": BODY},
        {"id": "html", "content": HTML_PAGE, "contentType": "text/html"},
        {"id": "estimated", "content": ESTIMATED},
    ]
    results = run(procs, tmp, records)
    assert set(results) == {r["id"] for r in records}

    for i, sent, want, want_utc in FORMS:
        r = results[i]
        assert r["publishedAt"] == want, f"{i}: {sent!r} -> {r['publishedAt']!r}, want {want!r}"
        assert r["publishedAtUtc"] == want_utc, f"{i}: utc {r['publishedAtUtc']!r}, want {want_utc!r}"
        assert r["publishedAtSource"] == "input"
        assert r["warnings"] == []
        if isinstance(sent, str) and sent != want:
            assert r["metadata"]["publishedAtRaw"] == sent, f"{i}: raw string not kept: {r['metadata']!r}"
        # The reference resolves "Monday": a given date's values say so.
        monday = [t for t in r["timex"] if t["text"] == "Monday"]
        assert monday and monday[0]["value"] and monday[0]["referenceSource"] == "input", f"{i}: {monday}"

    bad = results["unreadable"]
    assert bad["publishedAt"] is None and bad["publishedAtSource"] is None and bad["publishedAtUtc"] is None
    assert [w["code"] for w in bad["warnings"]] == ["published_at_unreadable"]
    assert bad["warnings"][0]["value"] == "sometime last spring"
    assert bad["metadata"] == {"feed": "f1", "publishedAtRaw": "sometime last spring"}

    assert results["absent"]["publishedAt"] is None and results["absent"]["metadata"] is None

    page = results["html"]
    assert page["publishedAt"] == "2025-09-23T10:15:00+01:00", "the page's time and offset are kept"
    assert page["publishedAtSource"] == "html"

    for r in results.values():
        assert r["publishedAt"] is None or RFC3339.match(r["publishedAt"]), f"{r['id']}: {r['publishedAt']!r}"

    # The UTC column parses as it is, nulls included; the mixed publishedAt column is why it exists.
    column = pandas.Series([r["publishedAtUtc"] for r in results.values()])
    parsed = pandas.to_datetime(column)
    assert parsed.notna().sum() == sum(r["publishedAtUtc"] is not None for r in results.values())
    assert str(parsed.dt.tz) == "UTC"


def test_an_estimated_date_never_claims_to_be_given(procs: Procs, tmp: Path):
    results = run(procs, tmp, [
        {"id": "estimated", "content": ESTIMATED},
        {"id": "given", "content": ESTIMATED, "publishedAt": "2005-01-03"},
        {"id": "no-evidence", "content": "Old rivals\n\nThe clubs met in 1998 and again in 2001. They meet on Monday."},
    ])
    r = results["estimated"]
    assert r["publishedAtSource"] == "estimated"
    assert r["publishedAt"] == "2005-01-01" and r["publishedAtPrecision"] == "day"
    evidence = r["publishedAtEvidence"]
    assert evidence["kind"] == "anniversary"
    assert r["text"][evidence["start"]:evidence["end"]] == evidence["text"] == "20th anniversary"
    weekend = next(t for t in r["timex"] if t["text"] == "this weekend")
    assert weekend["value"] == "2004-W53-WE" and weekend["referenceSource"] == "estimated"
    for t in r["timex"]:
        assert t["referenceSource"] in (None, "estimated"), f"a value claims a given date: {t}"

    given = results["given"]
    assert given["publishedAtSource"] == "input" and given["publishedAtEvidence"] is None
    assert all(t["referenceSource"] != "estimated" for t in given["timex"])

    none = results["no-evidence"]
    assert none["publishedAt"] is None and none["publishedAtSource"] is None
    assert next(t for t in none["timex"] if t["text"] == "Monday")["value"] is None
