"""The published JSON Schemas (schemas/*.schema.json) against the service's real output.

Self-contained on purpose: it uses no conftest fixtures, only pytest and the
`jsonschema` package. It runs the built binary once over the bundled examples
(`gleaner run --out DIR`, no input) and checks every line of results.jsonl and
errors.jsonl against result.schema.json and error.schema.json.

Environment:
  GLEANER_BIN          the binary (default: .build/debug/gleaner in the checkout)
  GLEANER_RUN_TIMEOUT  seconds allowed for the run (default 300)
  GLEANER_GOLD_DIR     a folder of NAME.gold.json files (default: ../shared/gold/seed
                       beside the checkout; those tests skip when it is absent)
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schemas"
EXAMPLES_DIR = ROOT / "examples"
SCHEMA_NAMES = ("input", "result", "error")


def load_schema(name):
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


SCHEMAS = {name: load_schema(name) for name in SCHEMA_NAMES}
REGISTRY = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in SCHEMAS.values()
)


def validator(name):
    return Draft202012Validator(SCHEMAS[name], registry=REGISTRY)


def def_validator(schema_name, definition):
    """A validator for one of a schema's $defs (e.g. result's entity)."""
    ref = f"{SCHEMAS[schema_name]['$id']}#/$defs/{definition}"
    return Draft202012Validator({"$ref": ref}, registry=REGISTRY)


def schema_errors(validator_, instance):
    """Every violation as 'path: message', sorted so failures read the same each run."""
    found = []
    for error in validator_.iter_errors(instance):
        path = "/".join(str(p) for p in error.absolute_path) or "(record)"
        found.append(f"{path}: {error.message}")
    return sorted(found)


def read_jsonl(path):
    """(line number, object) for every line; a blank or non-JSON line fails the test."""
    records = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            assert line.strip(), f"{path}:{number}: blank line in JSON Lines output"
            try:
                records.append((number, json.loads(line)))
            except json.JSONDecodeError as e:
                pytest.fail(f"{path}:{number}: not JSON ({e}): {line[:200]!r}")
    return records


def assert_all_valid(name, path, records):
    v = validator(name)
    problems = []
    for number, record in records:
        errors = schema_errors(v, record)
        if errors:
            rid = record.get("id") if isinstance(record, dict) else None
            problems.append(f"{path.name}:{number} (id {rid!r}):\n    " + "\n    ".join(errors))
    assert not problems, f"{len(problems)} line(s) violate {name}.schema.json:\n" + "\n".join(problems)


# --- the schemas themselves -------------------------------------------------


def property_schemas(schema, where="#"):
    """Yield (pointer, subschema) for every named property, also inside $defs and items."""
    if not isinstance(schema, dict):
        return
    for key, sub in schema.get("properties", {}).items():
        yield f"{where}/properties/{key}", sub
        yield from property_schemas(sub, f"{where}/properties/{key}")
    for key, sub in schema.get("$defs", {}).items():
        yield from property_schemas(sub, f"{where}/$defs/{key}")
    if isinstance(schema.get("items"), dict):
        yield from property_schemas(schema["items"], f"{where}/items")


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name):
    schema = SCHEMAS[name]
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    for key in ("$id", "title", "description"):
        assert schema.get(key), f"{name}.schema.json has no {key}"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_field_is_described(name):
    undocumented = [
        pointer
        for pointer, sub in property_schemas(SCHEMAS[name])
        if not (isinstance(sub, dict) and sub.get("description"))
        # a bare $ref inherits the description of what it points to
        and not (isinstance(sub, dict) and "$ref" in sub)
    ]
    assert not undocumented, f"{name}.schema.json: fields without a description: {undocumented}"


# --- bundled input ------------------------------------------------------------


def test_wire_examples_are_valid_input_records():
    path = EXAMPLES_DIR / "wire.jsonl"
    records = read_jsonl(path)
    assert records, f"{path} is empty"
    assert_all_valid("input", path, records)


# --- the gold files' annotation shape ---------------------------------------


def gold_files():
    default = ROOT.parent / "shared" / "gold" / "seed"
    folder = Path(os.environ.get("GLEANER_GOLD_DIR", default))
    return sorted(folder.glob("*.gold.json")) if folder.is_dir() else []


@pytest.mark.parametrize(
    "key,definition",
    [("entities", "entity"), ("quotes", "quote"), ("indirectQuotes", "quote"), ("timex", "timex")],
)
def test_gold_annotations_fit_the_shared_defs(key, definition):
    files = gold_files()
    if not files:
        pytest.skip("no gold folder (set GLEANER_GOLD_DIR or check out shared/ beside the project)")
    v = def_validator("result", definition)
    problems = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        for index, item in enumerate(gold.get(key, [])):
            for error in schema_errors(v, item):
                problems.append(f"{path.name} {key}[{index}] {error}")
    assert not problems, "\n".join(problems)


# --- the binary's output ----------------------------------------------------


def gleaner_binary():
    path = Path(os.environ.get("GLEANER_BIN", ROOT / ".build" / "debug" / "gleaner")).resolve()
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"gleaner binary not found or not executable at {path}. "
            "Build it first (swift build) or point GLEANER_BIN at it; "
            "this test does not skip because CI always builds before running it.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="module")
def bundled_run(tmp_path_factory):
    """Run `gleaner run --out DIR` over the bundled examples once; return DIR."""
    binary = gleaner_binary()
    out = tmp_path_factory.mktemp("schemas-run")
    timeout = float(os.environ.get("GLEANER_RUN_TIMEOUT", "300"))
    try:
        proc = subprocess.run(
            [str(binary), "run", "--out", str(out)],
            cwd=out,  # the examples are bundled with the binary, not looked up in the cwd
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"`gleaner run --out {out}` did not finish within {timeout:g}s; stderr:\n{e.stderr}")
    assert proc.returncode == 0, (
        f"`gleaner run --out {out}` exited with {proc.returncode}\n"
        f"stdout:\n{proc.stdout[-4000:]}\nstderr:\n{proc.stderr[-4000:]}"
    )
    return out


def test_results_match_result_schema(bundled_run):
    path = bundled_run / "results.jsonl"
    assert path.is_file(), f"no results.jsonl in {bundled_run}: {sorted(p.name for p in bundled_run.iterdir())}"
    records = read_jsonl(path)
    assert records, "results.jsonl is empty: the bundled examples produced no result"
    assert_all_valid("result", path, records)


def test_errors_match_error_schema(bundled_run):
    path = bundled_run / "errors.jsonl"
    if not path.exists():
        return  # the sink need not create the file when nothing failed
    assert_all_valid("error", path, read_jsonl(path))

