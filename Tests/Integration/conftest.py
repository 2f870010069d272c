"""Fixtures and helpers for Gleaner's process-level integration tests.

Everything here talks to the real `gleaner` binary (GLEANER_BIN, default
.build/debug/gleaner next to this repository's Package.swift). Every endpoint and
every metrics port is a fresh free port on 127.0.0.1, never a default, so the
suite can run while a real pipeline runs on the same machine. Every wait is
bounded; a test that times out fails with the tails of its processes' logs.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BIN = REPO_ROOT / ".build" / "debug" / "gleaner"

# Fields every result line must carry (the record contract plus the brief).
RESULT_FIELDS = ("id", "title", "text", "language", "publishedAt", "entities", "quotes", "timex", "extractor")
ERROR_CODES = {
    "invalid_utf8", "invalid_json", "not_an_object", "missing_content", "content_not_string",
    "empty_content", "too_large", "max_attempts_exceeded", "extraction_failed",
}

LOG_TAIL_BYTES = 6000


# --------------------------------------------------------------------------- binary


def gleaner_binary() -> Path:
    # Resolved now: processes run with the test's temp dir as their working directory.
    return Path(os.environ.get("GLEANER_BIN", str(DEFAULT_BIN))).resolve()


@pytest.fixture(scope="session")
def gleaner_bin() -> Path:
    path = gleaner_binary()
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"gleaner binary not found or not executable at {path} "
                    f"(build it, or point GLEANER_BIN at it)", pytrace=False)
    return path


# --------------------------------------------------------------------------- ports

_handed_out: set[int] = set()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now and that this session has
    not handed out before (so two endpoints of one test never collide)."""
    for _ in range(200):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port
    raise RuntimeError("could not find a free TCP port")


def port_is_listening(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


# --------------------------------------------------------------------------- processes


def _die_with_parent() -> None:
    """Child side of Popen: get SIGKILLed if pytest dies, so an interrupted run never
    leaves gleaner processes behind (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)
    except OSError:
        pass


_live: "set[Proc]" = set()


def _kill_live_and_exit(signum, frame):
    for proc in list(_live):
        try:
            os.kill(proc.pid, signal.SIGKILL)
        except OSError:
            pass
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


signal.signal(signal.SIGTERM, _kill_live_and_exit)


def _tail(path: Path, n: int = LOG_TAIL_BYTES) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - n))
            data = f.read()
        prefix = "...\n" if size > n else ""
        return prefix + data.decode("utf-8", "replace")
    except OSError as e:
        return f"<no log: {e}>"


class Proc:
    """One gleaner subprocess, stdout and stderr going to <tmp>/<name>.log."""

    def __init__(self, name: str, argv: list[str], log_path: Path, *, cwd: Optional[Path] = None,
                 stdin=subprocess.DEVNULL, env: Optional[dict] = None):
        self.name = name
        self.argv = argv
        self.log_path = log_path
        self._log = open(log_path, "ab")
        self._log.write(f"$ {' '.join(argv)}\n".encode())
        self._log.flush()
        self.started_at = time.monotonic()
        self.popen = subprocess.Popen(argv, stdout=self._log, stderr=subprocess.STDOUT, stdin=stdin,
                                      cwd=str(cwd) if cwd else None, env=env, start_new_session=True,
                                      preexec_fn=_die_with_parent)
        self.pid = self.popen.pid
        _live.add(self)

    def __repr__(self) -> str:
        return f"<Proc {self.name} pid={self.pid} rc={self.popen.poll()}>"

    @property
    def returncode(self) -> Optional[int]:
        return self.popen.poll()

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill9(self) -> None:
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{self.name} (pid {self.pid}) did not die 10 s after SIGKILL")

    def send_signal(self, sig: int) -> None:
        if self.alive():
            os.kill(self.pid, sig)

    def term(self, timeout: float = 15.0, sig: int = signal.SIGTERM) -> tuple[Optional[int], float]:
        """Send SIGTERM and wait at most `timeout` s. Returns (exit code, seconds from
        signal to exit); the exit code is None if it had to be SIGKILLed."""
        if not self.alive():
            return self.popen.returncode, 0.0
        t0 = time.monotonic()
        os.kill(self.pid, sig)
        try:
            rc = self.popen.wait(timeout=timeout)
            return rc, time.monotonic() - t0
        except subprocess.TimeoutExpired:
            elapsed = time.monotonic() - t0
            self.kill9()
            return None, elapsed

    def wait(self, timeout: float) -> Optional[int]:
        """Wait for exit; None if still running after `timeout` s (it is left running)."""
        try:
            return self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def log_tail(self, n: int = LOG_TAIL_BYTES) -> str:
        self._log.flush()
        return _tail(self.log_path, n)

    def log_text(self) -> str:
        self._log.flush()
        return self.log_path.read_text("utf-8", "replace")

    def close(self) -> None:
        _live.discard(self)
        if self.popen.stdin:
            try:
                self.popen.stdin.close()
            except OSError:
                pass
        if self.alive():
            try:
                os.kill(self.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._log.close()


class Procs:
    """Every process a test started; killed at teardown, logs shown on failure."""

    def __init__(self, binary: Path, tmp: Path):
        self.binary = binary
        self.tmp = tmp
        self.all: list[Proc] = []
        self._counts: dict[str, int] = {}

    def start(self, name: str, *args: str, **kw) -> Proc:
        n = self._counts.get(name, 0) + 1
        self._counts[name] = n
        label = name if n == 1 else f"{name}-{n}"
        kw.setdefault("cwd", self.tmp)  # never litter the checkout (default out/, gleaner-journal/)
        proc = Proc(label, [str(self.binary), *map(str, args)], self.tmp / f"{label}.log", **kw)
        self.all.append(proc)
        return proc

    def report(self, n: int = LOG_TAIL_BYTES) -> str:
        parts = []
        for p in self.all:
            rc = p.returncode
            state = "running" if rc is None else f"exited rc={rc}"
            parts.append(f"===== {p.name} (pid {p.pid}, {state}) {p.log_path}\n{p.log_tail(n)}")
        return "\n".join(parts) if parts else "(no processes started)"

    def fail(self, message: str) -> None:
        # the logs themselves are attached to the report by pytest_runtest_makereport
        pytest.fail(f"{message}\n(see 'gleaner process logs' below; full logs in {self.tmp})", pytrace=False)

    def close(self) -> None:
        for p in self.all:
            p.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    procs: Optional[Procs] = getattr(item, "_gleaner_procs", None)
    if procs is not None and rep.failed and rep.when in ("setup", "call"):
        rep.sections.append(("gleaner process logs (tails)", procs.report()))


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    """The per-test temp dir (logs, inputs, outputs, journals)."""
    return tmp_path


@pytest.fixture
def procs(request, gleaner_bin: Path, tmp: Path):
    p = Procs(gleaner_bin, tmp)
    request.node._gleaner_procs = p
    yield p
    p.close()


# --------------------------------------------------------------------------- waiting


def wait_until(pred: Callable[[], object], timeout: float, what: str, procs: Optional[Procs] = None,
               interval: float = 0.1, detail: Callable[[], str] = lambda: ""):
    """Poll `pred` until truthy, at most `timeout` s; then fail with the logs."""
    deadline = time.monotonic() + timeout
    while True:
        value = pred()
        if value:
            return value
        if time.monotonic() >= deadline:
            msg = f"timed out after {timeout:.0f} s waiting for {what}"
            d = detail()
            if d:
                msg += f" ({d})"
            if procs is not None:
                procs.fail(msg)
            pytest.fail(msg, pytrace=False)
        time.sleep(interval)


def http_get(port: int, path: str, timeout: float = 3.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a live process has used so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def healthz_ok(port: int) -> bool:
    try:
        return http_get(port, "/healthz", timeout=1.0)[0] == 200
    except OSError:
        return False


class StdinWriter:
    """Writes to a process's stdin from a thread, so a test never blocks on a full pipe
    (a process that stops reading its stdin must fail the test, not hang it)."""

    def __init__(self, proc: Proc, chunks: Iterable[bytes], pause: float = 0.0, close: bool = True):
        import threading
        self.proc = proc
        self.written = 0  # chunks fully written
        self.error: Optional[str] = None
        self._chunks = list(chunks)
        self._pause = pause
        self._close = close
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for chunk in self._chunks:
                self.proc.popen.stdin.write(chunk)
                self.proc.popen.stdin.flush()
                self.written += 1
                if self._pause:
                    time.sleep(self._pause)
            if self._close:
                self.proc.popen.stdin.close()
        except (BrokenPipeError, ValueError, OSError) as e:
            self.error = repr(e)

    @property
    def total(self) -> int:
        return len(self._chunks)

    def done(self) -> bool:
        return not self._thread.is_alive()

    def join(self, timeout: float, procs: Optional["Procs"] = None, what: str = "") -> None:
        self._thread.join(timeout)
        if self._thread.is_alive():
            msg = (f"{self.proc.name} stopped reading its stdin{' ' + what if what else ''}: "
                   f"{self.written} of {self.total} chunks written after {timeout:.0f} s")
            if procs is not None:
                procs.fail(msg)
            pytest.fail(msg, pytrace=False)


def jsonl_bytes(records: Iterable[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


# --------------------------------------------------------------------------- documents

_FIRST = ["Anna", "Sergey", "Maria", "John", "Fatima", "Li", "Carlos", "Olga", "Peter", "Aisha", "Kenji", "Laura"]
_LAST = ["Petrova", "Ryabkov", "Schmidt", "Okafor", "Chen", "Garcia", "Novak", "Brown", "Haddad", "Tanaka"]
_ROLES = ["Foreign Minister", "Finance Minister", "chief executive", "spokesperson", "mayor", "senator",
          "central bank governor", "union leader"]
_ORGS = ["the United Nations", "the European Commission", "Acme Holdings", "the World Bank", "NATO",
         "the Red Cross", "Globex Corporation", "the International Monetary Fund"]
_PLACES = ["Geneva", "Moscow", "Berlin", "Lagos", "Tokyo", "Madrid", "Washington", "Nairobi", "Brasilia", "Jakarta"]
_TOPICS = ["trade talks", "budget cuts", "energy prices", "the ceasefire", "a merger", "flood relief",
           "interest rates", "the election", "a security agreement", "vaccine supplies"]
_VERBS = ["said", "told reporters", "stressed", "warned", "added", "announced"]
_WHEN = ["on Monday", "on Tuesday", "last week", "on Saturday", "earlier this month", "in March",
         "next year", "two days ago"]


def _sentence(rng: random.Random) -> str:
    person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    role = rng.choice(_ROLES)
    place = rng.choice(_PLACES)
    topic = rng.choice(_TOPICS)
    org = rng.choice(_ORGS)
    when = rng.choice(_WHEN)
    kind = rng.randrange(4)
    if kind == 0:
        return (f"\"We will not accept any delay on {topic},\" {role} {person} {rng.choice(_VERBS)} "
                f"in {place} {when}.")
    if kind == 1:
        return f"{person}, the {role}, {rng.choice(_VERBS)} that {org} would review {topic} {when}."
    if kind == 2:
        return (f"Officials from {org} met in {place} {when} to discuss {topic}, according to people "
                f"familiar with the matter.")
    return (f"The talks on {topic} in {place} lasted {rng.randint(2, 9)} hours, and {person} "
            f"{rng.choice(_VERBS)} progress had been made.")


def make_content(rng: random.Random, target: int) -> str:
    headline = f"{rng.choice(_PLACES)}: {rng.choice(_ORGS)[0].upper()}{rng.choice(_ORGS)[1:]} " \
               f"weighs {rng.choice(_TOPICS)}"
    body: list[str] = []
    # a headline line then at least 2-3 sentences, grown (in paragraphs) to about `target` bytes
    n_first = rng.randint(2, 3)
    para = [_sentence(rng) for _ in range(n_first)]
    body.append(" ".join(para))
    while len(headline) + sum(len(p) + 2 for p in body) < target:
        body.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 3))))
    return headline + "\n\n" + "\n\n".join(body) + "\n"


def make_docs(n: int, *, start: int = 1, prefix: str = "doc", seed: int = 1,
              min_bytes: int = 200, max_bytes: int = 5000) -> list[dict]:
    """n news-like English documents with ids prefix-000001..., 200 B to 5 KB each."""
    rng = random.Random(seed * 1_000_003 + start)
    docs = []
    for i in range(start, start + n):
        # mostly short, some long: a log-uniform spread between min and max
        target = int(min_bytes * (max_bytes / min_bytes) ** rng.random())
        content = make_content(rng, max(0, target - 80))
        day = 1 + (i % 28)
        doc = {
            "id": f"{prefix}-{i:06d}",
            "content": content,
            "publishedAt": f"2022-02-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
            "source": "integration-test",
            "url": f"https://news.example.org/{prefix}/{i}",
        }
        if i % 3 == 0:
            doc["contentType"] = "text/plain"
        if i % 5 == 0:
            doc["metadata"] = {"seq": i, "tags": ["test", "integration"]}
        docs.append(doc)
    return docs


def write_jsonl(path: Path, records: Iterable[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- outputs


@dataclass
class Outputs:
    results: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    @property
    def result_ids(self) -> list[str]:
        return [r.get("id") for r in self.results]

    @property
    def error_ids(self) -> list[str]:
        return [e.get("id") for e in self.errors]

    @property
    def ids(self) -> list[str]:
        return self.result_ids + self.error_ids


def _parse_jsonl_strict(path: Path) -> list[dict]:
    if not path.exists():
        return []
    data = path.read_bytes()
    if not data:
        return []
    assert data.endswith(b"\n"), (
        f"{path.name}: last line is torn (no trailing newline): "
        f"{data[-300:].decode('utf-8', 'replace')!r}")
    out = []
    for n, line in enumerate(data.split(b"\n")[:-1], start=1):
        try:
            obj = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise AssertionError(f"{path.name} line {n} is not complete valid UTF-8 JSON ({e}): "
                                 f"{line[:300].decode('utf-8', 'replace')!r}") from None
        assert isinstance(obj, dict), f"{path.name} line {n} is JSON but not an object: {line[:200]!r}"
        out.append(obj)
    return out


def check_result_line(r: dict) -> None:
    missing = [k for k in RESULT_FIELDS if k not in r]
    assert not missing, f"result {r.get('id')!r} lacks fields {missing}: keys={sorted(r)}"
    assert isinstance(r["text"], str), f"result {r['id']!r}: text is not a string"
    for k in ("entities", "quotes", "timex"):
        assert isinstance(r[k], list), f"result {r['id']!r}: {k} is not an array"
    assert isinstance(r["extractor"], dict) and "version" in r["extractor"], \
        f"result {r['id']!r}: extractor has no version: {r['extractor']!r}"


def check_error_line(e: dict) -> None:
    assert "id" in e and isinstance(e["id"], str), f"error record without string id: {str(e)[:300]}"
    err = e.get("error")
    assert isinstance(err, dict) and "code" in err and "message" in err, \
        f"error record {e.get('id')!r} lacks error.code/error.message: {str(e)[:300]}"
    assert err["code"] in ERROR_CODES, f"error record {e['id']!r}: unknown error code {err['code']!r}"
    assert "input" in e, f"error record {e['id']!r} lacks input"
    assert e.get("inputEncoding") in ("utf-8", "base64"), \
        f"error record {e['id']!r}: inputEncoding is {e.get('inputEncoding')!r}, want utf-8 or base64"


def read_outputs_full(outdir: Path, check_fields: bool = True) -> Outputs:
    """Parse results.jsonl and errors.jsonl strictly: every line complete valid JSON ending
    in a newline (no torn line), every record shaped per the contract."""
    outdir = Path(outdir)
    o = Outputs(_parse_jsonl_strict(outdir / "results.jsonl"), _parse_jsonl_strict(outdir / "errors.jsonl"))
    if check_fields:
        for r in o.results:
            check_result_line(r)
        for e in o.errors:
            check_error_line(e)
    return o


def read_outputs(outdir: Path) -> list[str]:
    """Every id in results.jsonl and errors.jsonl (one per line, duplicates kept)."""
    return read_outputs_full(outdir).ids


def assert_exactly_once(ids: list[str], expected: Iterable[str], what: str = "ids") -> None:
    expected = list(expected)
    exp = set(expected)
    assert len(exp) == len(expected), "test bug: expected ids are not unique"
    counts: dict[str, int] = {}
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
    dups = sorted(i for i, c in counts.items() if c > 1)
    missing = sorted(exp - counts.keys())
    extra = sorted(set(counts) - exp)
    problems = []
    if missing:
        problems.append(f"{len(missing)} missing (lost), e.g. {missing[:10]}")
    if dups:
        problems.append(f"{len(dups)} duplicated, e.g. {[(d, counts[d]) for d in dups[:10]]}")
    if extra:
        problems.append(f"{len(extra)} unexpected, e.g. {extra[:10]}")
    assert not problems, (f"exactly-once violated for {what}: {len(ids)} lines for {len(exp)} expected; "
                          + "; ".join(problems))


class OutputWatcher:
    """Cheap incremental count of complete lines in results.jsonl + errors.jsonl while
    a pipeline runs. Copes with the sink truncating a torn last line on restart."""

    def __init__(self, outdir: Path):
        self.outdir = Path(outdir)
        self._state = {name: [0, 0] for name in ("results.jsonl", "errors.jsonl")}  # offset, lines

    def count(self) -> int:
        total = 0
        for name, st in self._state.items():
            path = self.outdir / name
            try:
                size = path.stat().st_size
            except FileNotFoundError:
                st[0] = st[1] = 0
                continue
            if size < st[0]:  # truncated (torn-line repair): recount
                st[0] = st[1] = 0
            if size > st[0]:
                with open(path, "rb") as f:
                    f.seek(st[0])
                    chunk = f.read(size - st[0])
                # only count through the last newline; an unfinished line is read again later
                last_nl = chunk.rfind(b"\n")
                if last_nl >= 0:
                    st[1] += chunk.count(b"\n", 0, last_nl + 1)
                    st[0] += last_nl + 1
            total += st[1]
        return total


# --------------------------------------------------------------------------- a pipeline


class Pipeline:
    """Broker, sink, workers and feeds on fresh ports in one test's temp dir."""

    def __init__(self, procs: Procs, tmp: Path, lease_timeout: float = 3.0, stop_deadline: float = 5.0):
        self.procs = procs
        self.tmp = tmp
        self.ingest_port = free_port()
        self.acked_port = free_port()
        self.workers_port = free_port()
        self.sink_port = free_port()
        self.out = tmp / "out"
        self.journal = tmp / "journal"
        self.lease_timeout = lease_timeout
        self.stop_deadline = stop_deadline
        self.broker: Optional[Proc] = None
        self.sink: Optional[Proc] = None
        self.workers: list[Proc] = []
        self.metrics_ports: dict[str, int] = {}
        self.watcher = OutputWatcher(self.out)
        # Plaintext must be asked for by name; test_curve.py swaps in key flags.
        self.server_security: list[str] = ["--insecure-plaintext"]
        self.client_security: list[str] = ["--insecure-plaintext"]

    # endpoints as clients see them
    @property
    def ingest_endpoint(self) -> str:
        return f"tcp://127.0.0.1:{self.ingest_port}"

    @property
    def acked_endpoint(self) -> str:
        return f"tcp://127.0.0.1:{self.acked_port}"

    @property
    def workers_endpoint(self) -> str:
        return f"tcp://127.0.0.1:{self.workers_port}"

    @property
    def sink_endpoint(self) -> str:
        return f"tcp://127.0.0.1:{self.sink_port}"

    def start_broker(self, *extra: str, wait: bool = True,
                     metrics_port: Optional[int] = None) -> Proc:
        mp = free_port() if metrics_port is None else metrics_port
        args = ["broker",
                "--ingest", self.ingest_endpoint,
                "--ingest-acked", self.acked_endpoint,
                "--workers", self.workers_endpoint,
                "--lease-timeout", str(self.lease_timeout),
                "--metrics-port", str(mp),
                "--stop-deadline", str(self.stop_deadline),
                "--journal", str(self.journal),  # always per test: the default is ./gleaner-journal
                *self.server_security]
        self.broker = self.procs.start("broker", *args, *extra)
        self.metrics_ports[self.broker.name] = mp
        if wait:
            self.wait_listening(self.broker, [self.ingest_port, self.acked_port, self.workers_port])
        return self.broker

    def start_sink(self, *extra: str, wait: bool = True, metrics_port: Optional[int] = None) -> Proc:
        mp = free_port() if metrics_port is None else metrics_port
        self.sink = self.procs.start("sink", "sink", "--bind", self.sink_endpoint, "--out", str(self.out),
                                     "--metrics-port", str(mp), "--stop-deadline", str(self.stop_deadline),
                                     *self.server_security, *extra)
        self.metrics_ports[self.sink.name] = mp
        if wait:
            self.wait_listening(self.sink, [self.sink_port])
        return self.sink

    def start_worker(self, *extra: str, threads: int = 1, metrics_port: Optional[int] = None, **kw) -> Proc:
        mp = free_port() if metrics_port is None else metrics_port
        w = self.procs.start("worker", "worker", "--broker", self.workers_endpoint, "--sink", self.sink_endpoint,
                             "--threads", str(threads), "--metrics-port", str(mp),
                             "--stop-deadline", str(self.stop_deadline), *self.client_security, *extra, **kw)
        self.metrics_ports[w.name] = mp
        self.workers.append(w)
        return w

    def wait_healthy(self, proc: Proc, timeout: float = 20.0) -> None:
        """Wait until a process answers GET /healthz on its metrics port (it is up, with its
        signal handlers installed)."""
        port = self.metrics_ports[proc.name]

        def ready():
            if not proc.alive():
                self.procs.fail(f"{proc.name} exited (rc={proc.returncode}) during startup")
            return healthz_ok(port)
        wait_until(ready, timeout, f"{proc.name} to answer /healthz on port {port}", self.procs)

    def feed(self, *inputs, stdin=subprocess.DEVNULL) -> Proc:
        return self.procs.start("feed", "feed", "--to", self.acked_endpoint, *self.client_security,
                                *map(str, inputs), stdin=stdin)

    def wait_listening(self, proc: Proc, ports: list[int], timeout: float = 20.0) -> None:
        def ready():
            if not proc.alive():
                self.procs.fail(f"{proc.name} exited (rc={proc.returncode}) before listening on {ports}")
            return all(port_is_listening(p) for p in ports)
        wait_until(ready, timeout, f"{proc.name} to listen on {ports}", self.procs)

    def count(self) -> int:
        return self.watcher.count()

    def wait_for_count(self, n: int, timeout: float, what: str = "", stall: float = 30.0) -> None:
        """Wait until >= n output lines; fail after `timeout` s, or as soon as the count has
        not moved for `stall` s (a stuck pipeline fails fast instead of waiting it out)."""
        what = what or f"{n} output lines in {self.out}"
        t0 = time.monotonic()
        last, last_change = -1, t0
        while True:
            for p in (self.broker, self.sink):
                if p is not None and not p.alive():
                    self.procs.fail(f"{p.name} died (rc={p.returncode}) while waiting for {what} "
                                    f"(have {self.count()})")
            c = self.count()
            now = time.monotonic()
            if c >= n:
                return
            if c != last:
                last, last_change = c, now
            if now - last_change > stall:
                self.procs.fail(f"stalled: no new output line for {stall:.0f} s while waiting for {what} "
                                f"(stuck at {c} of {n})")
            if now - t0 > timeout:
                self.procs.fail(f"timed out after {timeout:.0f} s waiting for {what} (have {c} of {n})")
            time.sleep(0.1)

    def wait_feed(self, feed: Proc, timeout: float) -> int:
        rc = feed.wait(timeout)
        if rc is None:
            self.procs.fail(f"{feed.name} still running after {timeout:.0f} s "
                            f"(output lines so far: {self.count()})")
        return rc

    def stop_all(self) -> None:
        """Stop every process politely (SIGTERM, bounded), the sink last so the files settle."""
        for p in self.procs.all:
            if p is not self.sink and p.alive():
                p.term(timeout=self.stop_deadline + 5)
        if self.sink is not None and self.sink.alive():
            self.sink.term(timeout=self.stop_deadline + 5)


@pytest.fixture
def pipeline(procs: Procs, tmp: Path) -> Pipeline:
    return Pipeline(procs, tmp)
