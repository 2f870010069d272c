"""What an operator meets: JSON logs, flags from GLEANER_* variables, refused enum
values, /readyz that follows connectivity, HEAD, probes answered while another
client idles, # HELP and gleaner_build_info, error records counted by code,
progress records, and the model lookup that names where it looked."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
from pathlib import Path

from conftest import Pipeline, free_port, http_get, make_docs, port_is_listening, wait_until, write_jsonl

TYPE_LINE = re.compile(r"^# TYPE (\S+) ")


def run_gleaner(binary: Path, *args: str, env: dict | None = None, cwd: Path | None = None,
                timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=str(cwd) if cwd else None, stdin=subprocess.DEVNULL)


def clean_env(**extra: str) -> dict:
    """This environment without any GLEANER_* variable (they would become flags), plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLEANER_")}
    env.update(extra)
    return env


def log_lines(text: str) -> list[str]:
    # The first line of a Proc log is the command line the harness wrote.
    return [line for line in text.splitlines() if line.strip() and not line.startswith("$ ")]


def head(port: int, path: str) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("HEAD", path)
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def ready(port: int) -> tuple[int, str]:
    try:
        return http_get(port, "/readyz", timeout=2.0)
    except OSError as e:
        return 0, repr(e)


# --------------------------------------------------------------------------- logs


def test_log_format_json_writes_one_object_per_line(pipeline: Pipeline):
    p = pipeline
    sink = p.start_sink("--log-format", "json", "--log-level", "debug")
    p.wait_healthy(sink)
    rc, _ = sink.term(timeout=15)
    assert rc == 0, sink.log_tail()
    lines = log_lines(sink.log_text())
    assert lines, "the sink wrote no log line"
    records = []
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise AssertionError(f"--log-format json wrote a line that is not JSON: {line!r}") from None
        assert isinstance(record, dict), line
        for key in ("time", "level", "logger", "message"):
            assert key in record, f"log record lacks {key!r}: {line}"
        records.append(record)
    listening = [r for r in records if r["message"] == "sink listening"]
    assert listening, f"no 'sink listening' record among {[r['message'] for r in records]}"
    assert listening[0]["level"] == "info" and listening[0]["logger"] == "gleaner.sink"
    assert listening[0]["bind"] == p.sink_endpoint, listening[0]


# --------------------------------------------------------------------------- environment


def test_flags_come_from_gleaner_variables_and_the_command_line_wins(gleaner_bin, procs, tmp):
    sink_port, env_metrics, flag_metrics = free_port(), free_port(), free_port()
    out = tmp / "env-out"
    env = clean_env(GLEANER_BIND=f"tcp://127.0.0.1:{sink_port}", GLEANER_OUT=str(out),
                    GLEANER_METRICS_PORT=str(env_metrics), GLEANER_LOG_FORMAT="json",
                    GLEANER_INSECURE_PLAINTEXT="1")
    # No --bind, --out or --log-format: they come from the environment. --metrics-port is
    # given on the command line too, and must win over GLEANER_METRICS_PORT.
    sink = procs.start("sink", "sink", "--metrics-port", str(flag_metrics), env=env)
    wait_until(lambda: port_is_listening(sink_port) and port_is_listening(flag_metrics), 20,
               "the sink to listen on the ports from GLEANER_BIND and --metrics-port", procs)
    assert not port_is_listening(env_metrics), "GLEANER_METRICS_PORT won over --metrics-port"
    assert (out / "results.jsonl").exists(), f"the sink did not open its files in GLEANER_OUT={out}"
    sink.term(timeout=15)
    records = [json.loads(line) for line in log_lines(sink.log_text())]
    assert any(r["message"] == "sink listening" for r in records), records


def test_a_bad_switch_value_in_the_environment_is_refused(gleaner_bin, tmp):
    text = tmp / "doc.txt"
    text.write_text("Anna Petrova said on Monday that talks in Geneva would go on.\n", "utf-8")
    # A bad value for a switch is refused with the variable's name, not ignored.
    bad = run_gleaner(gleaner_bin, "extract", str(text), env=clean_env(GLEANER_EXPLAIN_PAGE="maybe"))
    assert bad.returncode != 0
    assert "GLEANER_EXPLAIN_PAGE" in bad.stderr, bad.stderr


def test_unknown_enum_values_are_refused(gleaner_bin, tmp):
    for args, value, flag in ((["sink", "--log-level", "verbose"], "verbose", "--log-level"),
                              (["broker", "--log-format", "xml"], "xml", "--log-format"),
                              (["sink", "--fsync", "sometimes"], "sometimes", "--fsync"),
                              (["run", "--log-level", "loud"], "loud", "--log-level")):
        cp = run_gleaner(gleaner_bin, *args, env=clean_env(GLEANER_METRICS_PORT="0"), cwd=tmp, timeout=30)
        assert cp.returncode != 0, f"gleaner {' '.join(args)} was accepted (rc 0)"
        assert value in cp.stderr and flag in cp.stderr, f"gleaner {' '.join(args)}: unclear message:\n{cp.stderr}"
    cp = run_gleaner(gleaner_bin, "sink", "--log-level", "verbose", env=clean_env(), cwd=tmp, timeout=30)
    assert "info" in cp.stderr and "warning" in cp.stderr, f"valid levels not listed:\n{cp.stderr}"

    # The same value from the environment is refused the same way, naming the variable.
    cp = run_gleaner(gleaner_bin, "sink", "--metrics-port", "0", env=clean_env(GLEANER_LOG_LEVEL="verbose"),
                     cwd=tmp, timeout=30)
    assert cp.returncode != 0, "GLEANER_LOG_LEVEL=verbose was accepted"
    assert "verbose" in cp.stderr and "GLEANER_LOG_LEVEL" in cp.stderr, cp.stderr
    assert not (tmp / "out").exists() or not any((tmp / "out").iterdir()), "a refused sink still started"


# --------------------------------------------------------------------------- probes


def test_worker_readyz_follows_broker_and_sink_and_warns_when_unreachable(pipeline: Pipeline):
    p = pipeline
    p.start_sink()
    worker = p.start_worker()
    p.wait_healthy(worker)
    wport = p.metrics_ports[worker.name]
    status, body = ready(wport)
    assert status == 503, f"worker /readyz is {status} with no broker: {body!r}"
    assert "broker" in body, f"/readyz does not say what is missing: {body!r}"
    # Nothing answers on the broker endpoint: after 10 s the worker says so in its log.
    wait_until(lambda: "broker unreachable" in worker.log_text(), 40,
               "the worker's 'broker unreachable' warning", p.procs)
    assert ready(wport)[0] == 503

    broker = p.start_broker()
    p.wait_healthy(broker)
    wait_until(lambda: ready(wport)[0] == 200, 30, "worker /readyz = 200 once the broker answers", p.procs,
               detail=lambda: repr(ready(wport)))
    wait_until(lambda: "broker reachable again" in worker.log_text(), 10,
               "the worker's 'broker reachable again' line", p.procs)
    for name in ("broker", "sink"):
        status, body = ready(p.metrics_ports[name])
        assert status == 200, f"{name} /readyz is {status}: {body!r}"

    # The broker goes away for good: the worker stays alive (/healthz) but not ready.
    broker.kill9()
    wait_until(lambda: ready(wport)[0] == 503, 30, "worker /readyz = 503 after the broker died", p.procs)
    assert http_get(wport, "/healthz")[0] == 200, "liveness followed readiness down"
    # The same for the sink: a warning once it has been silent for 10 s.
    p.sink.kill9()
    wait_until(lambda: "sink unreachable" in worker.log_text(), 40, "the worker's 'sink unreachable' warning", p.procs)


def test_head_help_lines_and_build_info(pipeline: Pipeline):
    p = pipeline
    sink = p.start_sink()
    p.wait_healthy(sink)
    port = p.metrics_ports[sink.name]
    for path in ("/metrics", "/healthz", "/readyz"):
        status, headers, body = head(port, path)
        get_status, get_body = http_get(port, path)
        assert status == get_status == 200, f"HEAD {path} -> {status}, GET -> {get_status}"
        assert body == b"", f"HEAD {path} returned a body"
        assert int(headers["content-length"]) == len(get_body.encode()) or path == "/metrics", headers
    assert head(port, "/nope")[0] == 404

    _, text = http_get(port, "/metrics")
    lines = text.splitlines()
    typed = [(i, TYPE_LINE.match(line).group(1)) for i, line in enumerate(lines) if TYPE_LINE.match(line)]
    assert typed, text[:500]
    for i, name in typed:
        assert i > 0 and lines[i - 1].startswith(f"# HELP {name} "), f"{name} has no # HELP line before its # TYPE"
    info = [line for line in lines if line.startswith("gleaner_build_info{")]
    assert info and float(info[0].rsplit(" ", 1)[1]) == 1, f"no gleaner_build_info sample of 1: {info}"
    assert 'version="' in info[0] and 'libzmq="' in info[0], info[0]


def test_an_idle_connection_does_not_hold_up_probes(pipeline: Pipeline):
    p = pipeline
    sink = p.start_sink()
    p.wait_healthy(sink)
    port = p.metrics_ports[sink.name]
    idle = []
    try:
        for i in range(4):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            if i % 2:
                s.sendall(b"GET /metr")  # a request that never finishes
            idle.append(s)
        # With the idle clients still connected, probes are answered.
        for _ in range(5):
            assert http_get(port, "/healthz", timeout=5)[0] == 200
            assert http_get(port, "/readyz", timeout=5)[0] == 200
    finally:
        for s in idle:
            s.close()


def test_error_records_counted_by_code_and_feed_progress(pipeline: Pipeline, tmp):
    p = pipeline
    p.start_sink()
    p.start_broker()
    worker = p.start_worker()
    p.wait_healthy(worker)
    docs = make_docs(3, seed=77)
    path = write_jsonl(tmp / "docs.jsonl", docs)
    with open(path, "a", encoding="utf-8") as f:
        f.write("this line is not json\n{not json either\n")
        f.write(json.dumps({"id": "empty-1", "content": ""}) + "\n")
    feed = p.feed(path)
    assert p.wait_feed(feed, 60) == 0, feed.log_tail()
    p.wait_for_count(6, 60)
    # stderr is a file here, not a terminal: progress comes as log records, not redrawn lines.
    assert "progress" in feed.log_text() and "accepted=6" in feed.log_text(), feed.log_tail()

    wport = p.metrics_ports[worker.name]

    def counts() -> dict[str, float]:
        found = {}
        for line in http_get(wport, "/metrics")[1].splitlines():
            m = re.match(r'gleaner_worker_error_records_total\{code="([a-z_0-9]+)"\} (\S+)', line)
            if m:
                found[m.group(1)] = float(m.group(2))
        return found

    wait_until(lambda: counts().get("invalid_json", 0) >= 2 and counts().get("empty_content", 0) >= 1, 15,
               "gleaner_worker_error_records_total by code", p.procs, detail=lambda: repr(counts()))
    assert counts().get("too_large") == 0, "codes with no error record should be present at 0"


# --------------------------------------------------------------------------- models


def test_models_are_found_beside_the_binary_or_the_error_lists_every_place(gleaner_bin, tmp):
    doc = tmp / "doc.txt"
    doc.write_text("Anna Petrova, the Foreign Minister, said in Geneva on Monday that talks would go on.\n", "utf-8")
    bindir = tmp / "opt" / "bin"
    bindir.mkdir(parents=True)
    lone = bindir / "gleaner"
    shutil.copy2(gleaner_bin, lone)

    cp = run_gleaner(lone, "extract", str(doc), env=clean_env())
    assert cp.returncode != 0, "a binary without its models extracted anyway"
    for place in (bindir / "gleaner_GleanerResources.resources", bindir, tmp / "opt" / "share" / "gleaner"):
        assert str(place) in cp.stderr, f"the error does not name {place}:\n{cp.stderr}"
    assert "--models" in cp.stderr and "GLEANER_MODELS" in cp.stderr, cp.stderr

    missing = tmp / "no-such-models"
    cp = run_gleaner(gleaner_bin, "extract", "--models", str(missing), str(doc), env=clean_env())
    assert cp.returncode != 0 and str(missing) in cp.stderr, cp.stderr

    bundle = gleaner_bin.parent / "gleaner_GleanerResources.resources"
    models = tmp / "models"
    shutil.copytree(bundle, models)
    cp = run_gleaner(lone, "extract", str(doc), env=clean_env(GLEANER_MODELS=str(models)))
    assert cp.returncode == 0, f"GLEANER_MODELS={models} did not work:\n{cp.stderr}"
    names = [e["name"] for e in json.loads(cp.stdout)["entities"]]
    assert "Anna Petrova" in names, names

    shutil.copytree(bundle, bindir / "gleaner_GleanerResources.resources")
    cp = run_gleaner(lone, "extract", str(doc), env=clean_env())
    assert cp.returncode == 0, f"the resources folder beside the binary was not found:\n{cp.stderr}"


def listening_addresses(port: int) -> set[str]:
    """The local IPv4 addresses listening on `port`, from /proc/net/tcp (state 0A)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def test_metrics_listen_where_told_and_a_bad_address_is_refused(gleaner_bin, procs, tmp):
    local, everywhere = free_port(), free_port()
    procs.start("sink-local", "sink", "--insecure-plaintext", "--bind", f"tcp://127.0.0.1:{free_port()}",
                "--out", str(tmp / "a"), "--metrics-port", str(local), "--metrics-address", "127.0.0.1")
    procs.start("sink-all", "sink", "--insecure-plaintext", "--bind", f"tcp://127.0.0.1:{free_port()}",
                "--out", str(tmp / "b"), "--metrics-port", str(everywhere))
    wait_until(lambda: port_is_listening(local) and port_is_listening(everywhere), 20, "both metrics ports", procs)
    assert listening_addresses(local) == {"127.0.0.1"}, listening_addresses(local)
    assert listening_addresses(everywhere) == {"0.0.0.0"}, listening_addresses(everywhere)
    cp = run_gleaner(gleaner_bin, "sink", "--insecure-plaintext", "--metrics-address", "localhost:9",
                     "--out", str(tmp / "c"), env=clean_env(), cwd=tmp, timeout=30)
    assert cp.returncode != 0 and "not an IPv4 address" in cp.stderr, cp.stderr
