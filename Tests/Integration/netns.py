"""Hosts for multi-host tests: network namespaces this test run makes itself, joined by
veth pairs to a bridge in a namespace of its own, with addresses from one private /24
that exists only inside them. Nothing is added to the root namespace, and everything
is removed again even when a test fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest

from conftest import Proc, Procs


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check, timeout=20)


def netns_unavailable() -> Optional[str]:
    """Why these tests cannot run here, or None."""
    if os.geteuid() != 0:
        return "network namespaces need root"
    try:
        probe = f"glprobe{os.getpid()}"
        made = _ip("netns", "add", probe, check=False)
        if made.returncode != 0:
            return f"ip netns add failed: {made.stderr.strip()}"
        _ip("netns", "del", probe, check=False)
    except FileNotFoundError:
        return "iproute2 (ip) is not installed"
    return None


class Hosts:
    """Named hosts on one bridged LAN. `address(name)` is the host's IP; `run` starts a
    gleaner process inside a host."""

    def __init__(self, names: list[str], procs: Procs):
        self.procs = procs
        self.prefix = f"gl{os.getpid() % 100000}"
        # 10.213.0.0/16 is this suite's own; the third octet keeps parallel runs apart.
        self.subnet = f"10.213.{os.getpid() % 250}"
        self.lan = f"{self.prefix}lan"
        self.names = names
        self.made: list[str] = []
        try:
            self._make()
        except Exception:
            self.remove()
            raise

    def ns(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def address(self, name: str) -> str:
        return f"{self.subnet}.{self.names.index(name) + 1}"

    def _make(self) -> None:
        _ip("netns", "add", self.lan)
        self.made.append(self.lan)
        _ip("-n", self.lan, "link", "add", "br0", "type", "bridge")
        _ip("-n", self.lan, "link", "set", "br0", "up")
        for name in self.names:
            ns = self.ns(name)
            _ip("netns", "add", ns)
            self.made.append(ns)
            port = f"p-{name}"[:15]
            _ip("link", "add", "eth0", "netns", ns, "type", "veth", "peer", "name", port, "netns", self.lan)
            _ip("-n", self.lan, "link", "set", port, "master", "br0")
            _ip("-n", self.lan, "link", "set", port, "up")
            _ip("-n", ns, "addr", "add", f"{self.address(name)}/24", "dev", "eth0")
            _ip("-n", ns, "link", "set", "eth0", "up")
            _ip("-n", ns, "link", "set", "lo", "up")

    def link(self, name: str, up: bool) -> None:
        """Cut or restore a host's only network link, as a pulled cable would."""
        _ip("-n", self.ns(name), "link", "set", "eth0", "up" if up else "down")

    def run(self, host: str, label: str, *args: str, **kw) -> Proc:
        """`gleaner ARGS` inside `host` (ip netns exec execs it: the pid is gleaner's)."""
        n = sum(1 for p in self.procs.all if p.name.split("-")[0] == label) + 1
        name = label if n == 1 else f"{label}-{n}"
        argv = ["ip", "netns", "exec", self.ns(host), str(self.procs.binary), *map(str, args)]
        kw.setdefault("cwd", self.procs.tmp)
        proc = Proc(name, argv, Path(self.procs.tmp) / f"{name}.log", **kw)
        self.procs.all.append(proc)
        return proc

    def metrics(self, host: str, port: int) -> dict[str, float]:
        """A process's /metrics as seen from inside its own host (the test's namespace
        has no route to these hosts)."""
        from test_metrics import parse_metrics
        fetch = ("import sys, urllib.request; sys.stdout.write(urllib.request.urlopen("
                 f"'http://127.0.0.1:{port}/metrics', timeout=3).read().decode())")
        got = subprocess.run(["ip", "netns", "exec", self.ns(host), sys.executable, "-c", fetch],
                             capture_output=True, text=True, timeout=20)
        return parse_metrics(got.stdout) if got.returncode == 0 else {}

    def remove(self) -> None:
        # Processes first: a namespace lives on while anything runs in it.
        self.procs.close()
        for ns in reversed(self.made):
            _ip("netns", "del", ns, check=False)
        self.made.clear()


@pytest.fixture
def hosts_factory(procs: Procs):
    reason = netns_unavailable()
    if reason:
        pytest.skip(reason)
    made: list[Hosts] = []

    def make(names: list[str]) -> Hosts:
        hosts = Hosts(names, procs)
        made.append(hosts)
        return hosts

    yield make
    for hosts in made:
        hosts.remove()
