"""schemas/duckdb.sql over real `gleaner run` output, with the `duckdb` package: every
view's rows match the JSON (counts and values), no column is NULL-typed even when
the first hundreds of records have `page` and `affiliation` null, and each query of
docs/analytics.md gives the answer computed from the JSON in Python."""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from conftest import REPO_ROOT, Procs, make_content, make_docs, read_outputs_full, write_jsonl
from test_run_and_extract import run_to_exit

duckdb = pytest.importorskip("duckdb")

SCHEMA = REPO_ROOT / "schemas" / "duckdb.sql"
ANALYTICS = REPO_ROOT / "docs" / "analytics.md"
PLAIN_FIRST = 150  # more than read_json_auto's 100-record sample, all with page null

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} – {site}</title>
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="2024-0{month}-1{day}T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright {site}</footer></body></html>"""


def html_pages(n: int) -> list[dict]:
    import random
    rng = random.Random(77)
    sites = ["Harbour Courier", "Valley Ledger", "The Northern Wire"]
    pages = []
    for i in range(n):
        text = make_content(rng, 900)
        title, body = text.split("\n\n", 1)
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
        page = PAGE.format(title=title, site=sites[i % 3], author=["Mara Lind", "Tomas Berg", ""][i % 3],
                           month=1 + i % 9, day=i % 10, paragraphs=paragraphs)
        pages.append({"id": f"page-{i:03d}", "content": page, "url": f"https://news.example.org/p/{i}"})
    return pages


@pytest.fixture(scope="module")
def output(tmp_path_factory, gleaner_bin) -> Path:
    """Real `gleaner run` output: plain documents first, then HTML pages and bad input."""
    tmp = tmp_path_factory.mktemp("duckdb")
    bad = [{"id": "bad-no-content", "body": "text under the wrong key"},
           {"id": "bad-number", "content": 42}]
    inputs = write_jsonl(tmp / "input.jsonl", make_docs(PLAIN_FIRST, seed=61, prefix="sql") + html_pages(24) + bad)
    procs = Procs(gleaner_bin, tmp)
    try:
        rc = run_to_exit(procs, "run", "run", "--workers", "2", "--out", tmp / "out", inputs,
                         REPO_ROOT / "examples", timeout=300)
    finally:
        procs.close()
    assert rc == 0, f"gleaner run exited {rc}"
    return tmp / "out"


@pytest.fixture(scope="module")
def json_out(output):
    return read_outputs_full(output)


@pytest.fixture
def con(output):
    c = duckdb.connect()
    c.execute("SET VARIABLE gleaner_results = ?", [str(output / "results*.jsonl")])
    c.execute("SET VARIABLE gleaner_errors = ?", [str(output / "errors*.jsonl")])
    c.execute(SCHEMA.read_text("utf-8"))
    yield c
    c.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_the_output_has_what_would_defeat_type_inference(json_out):
    # otherwise the checks below would prove nothing about NULL-typed columns
    results = json_out.results
    assert not any(r.get("page") for r in results[:100]), "an HTML page among the first 100 records"
    assert any(r.get("page") for r in results[100:])
    assert any(e.get("affiliation") for r in results for e in r["entities"])


def test_no_view_has_a_null_typed_column(con):
    for view in ("results", "documents", "entities", "mentions", "quotes", "timex", "errors"):
        types = {name: kind for name, kind, *_ in rows(con, f"DESCRIBE {view}")}
        untyped = [n for n, k in types.items() if "NULL" in k.upper()]
        assert not untyped, f"{view}: columns without a real type: {untyped} ({types})"
    assert dict(rows(con, "SELECT column_name, column_type FROM (DESCRIBE documents)"))["page_site_name"] == "VARCHAR"
    assert dict(rows(con, "SELECT column_name, column_type FROM (DESCRIBE entities)"))["affiliation"] == "VARCHAR"
    assert dict(rows(con, "SELECT column_name, column_type FROM (DESCRIBE documents)"))["published_date"] == "DATE"


def test_every_field_gleaner_writes_is_declared(con, json_out):
    """read_json ignores undeclared fields: a field added to the records must be added
    to schemas/duckdb.sql too, or SQL users never see it."""
    types = dict((name, kind) for name, kind, *_ in rows(con, "DESCRIBE results"))
    missing = set()
    for r in json_out.results:
        missing |= set(r) - set(types)
        for column in ("entities", "quotes", "timex", "page", "dateline"):
            for obj in (r.get(column) or []) if isinstance(r.get(column), list) else [r.get(column) or {}]:
                for key, value in obj.items():
                    nested = list(value) if isinstance(value, dict) else []
                    for name in [key, *nested]:
                        if not re.search(rf'\b"?{re.escape(name)}"?\s', types.get(column, "")):
                            missing.add(f"{column}.{name}")
    assert not missing, f"fields in results.jsonl that schemas/duckdb.sql does not declare: {sorted(missing)}"


def test_counts_match_the_json(con, json_out):
    results = json_out.results
    want = {
        "documents": len(results),
        "entities": sum(len(r["entities"]) for r in results),
        "mentions": sum(len(e["mentions"]) for r in results for e in r["entities"]),
        "quotes": sum(len(r["quotes"]) for r in results),
        "timex": sum(len(r["timex"]) for r in results),
        "errors": len(json_out.errors),
    }
    got = {view: rows(con, f"SELECT count(*) FROM {view}")[0][0] for view in want}
    assert got == want
    assert min(want.values()) > 0, want


def test_page_and_entity_fields_survive(con, json_out):
    want_pages = {r["id"]: (r["page"]["textSource"], r["page"]["siteName"], list(r["page"]["authors"]))
                  for r in json_out.results if r.get("page")}
    got_pages = {i: (s, n, list(a)) for i, s, n, a in rows(
        con, "SELECT id, page_text_source, page_site_name, page_authors FROM documents WHERE page_text_source IS NOT NULL")}
    assert got_pages == want_pages

    def entity_key(doc, e):
        c = e.get("coordinates") or {}
        return (doc, e["id"], e["type"], e["name"], e.get("country"), e.get("affiliation"), c.get("lat"), c.get("lon"),
                len(e["mentions"]))
    want = sorted(entity_key(r["id"], e) for r in json_out.results for e in r["entities"])
    got = sorted(rows(con, "SELECT doc_id, entity_id, type, name, country, affiliation, lat, lon, mention_count FROM entities"))
    assert got == want


def test_mentions_index_the_document_text(con):
    wrong = rows(con, """
        SELECT m.doc_id, m.text, substring(d.text, m.start_offset + 1, m.end_offset - m.start_offset)
        FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE substring(d.text, m.start_offset + 1, m.end_offset - m.start_offset) <> m.text""")
    assert not wrong, wrong[:5]


def test_quotes_carry_the_speakers_type_and_country(con, json_out):
    want = []
    for r in json_out.results:
        by_id = {e["id"]: e for e in r["entities"]}
        for n, q in enumerate(r["quotes"], start=1):
            s = q.get("speaker") or {}
            e = by_id.get(s.get("entity")) or {}
            want.append((r["id"], n, q["text"], q["kind"], s.get("name"), e.get("type"), e.get("country"),
                         e.get("affiliation")))
    got = rows(con, """SELECT doc_id, quote_index, text, kind, speaker_name, speaker_type, speaker_country,
                              speaker_affiliation FROM quotes""")
    assert sorted(got, key=repr) == sorted(want, key=repr)
    assert any(w[6] for w in want), "no quoted speaker has a country: the join is untested"


def test_timex_and_errors_match(con, json_out):
    want = sorted((r["id"], t["text"], t["start"], t["type"], t["value"]) for r in json_out.results for t in r["timex"])
    assert sorted(rows(con, "SELECT doc_id, text, start_offset, type, value FROM timex"), key=repr) == sorted(want, key=repr)
    want_errors = sorted((e["id"], e["error"]["code"]) for e in json_out.errors)
    assert sorted(rows(con, "SELECT id, code FROM errors")) == want_errors
    assert {c for _, c in want_errors} == {"missing_content", "content_not_string"}


# --------------------------------------------------------------------------- docs/analytics.md


def analytics_queries() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", ANALYTICS.read_text("utf-8"), flags=re.S)


def _day(value):
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _published(r):
    return _day((r.get("publishedAt") or "")[:10])


def quoted_most(results):
    quotes, docs = Counter(), defaultdict(set)
    for r in results:
        by_id = {e["id"]: e for e in r["entities"]}
        for q in r["quotes"]:
            s = q.get("speaker") or {}
            e = by_id.get(s.get("entity"))
            if e and e["type"] == "PERSON":
                key = (s["name"], e.get("country"))
                quotes[key] += 1
                docs[key].add(r["id"])
    table = [(n, c, quotes[(n, c)], len(docs[(n, c)])) for n, c in quotes]
    return sorted(table, key=lambda t: (-t[2], -t[3], t[0], t[1] or ""))[:20]


def voices_by_month(results):
    count = Counter()
    for r in results:
        day = _published(r)
        by_id = {e["id"]: e for e in r["entities"]}
        for q in r["quotes"]:
            e = by_id.get((q.get("speaker") or {}).get("entity")) or {}
            if day and e.get("country"):
                count[(day.strftime("%Y-%m"), e["country"])] += 1
    return sorted(((m, c, n) for (m, c), n in count.items()), key=lambda t: (t[0], -t[2], t[1]))


def people_with_organisations(results):
    count = Counter()
    for r in results:
        people = [e["name"] for e in r["entities"] if e["type"] == "PERSON"]
        orgs = [e["name"] for e in r["entities"] if e["type"] == "ORG"]
        for p in people:
            for o in orgs:
                count[(p, o)] += 1
    return sorted(((p, o, n) for (p, o), n in count.items()), key=lambda t: (-t[2], t[0], t[1]))[:20]


def days_ahead(results):
    mentions, docs = Counter(), defaultdict(set)
    for r in results:
        published = _published(r)
        for t in r["timex"]:
            day = _day(t["value"]) if t["type"] == "DATE" else None
            if day and published and day > published:
                mentions[day] += 1
                docs[day].add(r["id"])
    return sorted(((d, n, len(docs[d])) for d, n in mentions.items()), key=lambda t: (-t[1], t[0]))[:20]


def pages_per_site(results):
    count = Counter()
    for r in results:
        if r.get("contentType") != "text/html":
            continue
        page = r.get("page") or {}
        key = (page.get("siteName") or "(unnamed)", page.get("textSource"))
        pages, authored, empty = count.get(key, (0, 0, 0))
        count[key] = (pages + 1, authored + bool(page.get("authors")), empty + (not r["entities"]))
    return sorted(((s, t, *v) for (s, t), v in count.items()), key=lambda x: (-x[2], x[0], x[1] or ""))


REFERENCE = [quoted_most, voices_by_month, people_with_organisations, days_ahead, pages_per_site]


def test_analytics_md_has_five_queries():
    assert len(analytics_queries()) == len(REFERENCE)


@pytest.mark.parametrize("n", range(len(REFERENCE)), ids=[f.__name__ for f in REFERENCE])
def test_analytics_query_answers_as_the_json_does(con, json_out, n):
    got = rows(con, analytics_queries()[n])
    want = REFERENCE[n](json_out.results)
    assert got, f"query {n + 1} of docs/analytics.md returned nothing on the test output"
    assert got == want
