"""Reading a sink's output directory when it rotates: closed files (`*.jsonl`) and the
files still being written (`*.jsonl.open`)."""

from __future__ import annotations

import json
from pathlib import Path


def output_files(out: Path, kind: str, *, include_open: bool = False) -> list[Path]:
    """`results-*.jsonl` (or errors-) in name order, optionally with the open ones."""
    files = sorted(p for p in Path(out).glob(f"{kind}*.jsonl"))
    if include_open:
        files += sorted(Path(out).glob(f"{kind}*.jsonl.open"))
    return files


def complete_lines(path: Path) -> list[bytes]:
    """The newline-terminated lines of a file (an unfinished last line is left out). An
    open file may be closed (renamed) between listing and reading: then read it closed."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if path.suffix != ".open":
            raise
        data = path.with_suffix("").read_bytes()
    return data[: data.rfind(b"\n") + 1].splitlines()


def count_lines(out: Path) -> int:
    """Complete lines in every output file, open or closed: cheap progress for waits."""
    return sum(len(complete_lines(p)) for kind in ("results", "errors")
               for p in output_files(out, kind, include_open=True))


def read_records(out: Path, kind: str = "results") -> list[dict]:
    """Every record in the closed files, parsed strictly: a closed file must be whole."""
    records = []
    for path in output_files(out, kind):
        data = path.read_bytes()
        assert not data or data.endswith(b"\n"), f"closed file {path.name} ends in a torn line"
        for number, line in enumerate(data.splitlines(), 1):
            try:
                records.append(json.loads(line))
            except ValueError as e:
                raise AssertionError(f"{path.name}:{number} is not JSON ({e}): {line[:200]!r}")
    return records


def all_ids(out: Path) -> list[str]:
    return [r["id"] for kind in ("results", "errors") for r in read_records(out, kind)]
