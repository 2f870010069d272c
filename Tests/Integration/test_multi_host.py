"""Gleaner across hosts: four network namespaces on one bridged LAN, made by the test
(see netns.py). Host `core` runs the broker and the sink, `w1` and `w2` a worker each,
`scraper` runs `gleaner feed`; every connection is CURVE over real TCP between hosts.
Mid-run w1's link is cut and restored, then core's processes are SIGKILLed and
restarted; every document must be written exactly once."""

from __future__ import annotations

import time

from conftest import assert_exactly_once, make_docs, read_outputs, wait_until, write_jsonl, OutputWatcher
from netns import hosts_factory  # noqa: F401  (a fixture)
from test_curve import generate

FEED_TIMEOUT = 90


def test_worker_link_cut_and_broker_host_killed_across_hosts(hosts_factory, procs, tmp, gleaner_bin):  # noqa: F811
    hosts = hosts_factory(["core", "w1", "w2", "scraper"])
    server_key, server_pub = generate(gleaner_bin, tmp / "keys" / "server")
    clients = {name: generate(gleaner_bin, tmp / "keys" / name) for name in ("w1", "w2", "scraper")}
    # The allow-list as one file of certificates one after another (test_curve.py uses a folder).
    allow = tmp / "keys" / "allow.pub"
    allow.write_text("".join(public.read_text() for _, public in clients.values()))
    core = hosts.address("core")
    out, journal = tmp / "out", tmp / "journal"
    server = ["--curve-secret-key", server_key, "--curve-allow", allow, "--stop-deadline", "5"]

    def client(name: str) -> list:
        return ["--curve-secret-key", clients[name][0], "--curve-server-key", server_pub]

    def start_core():
        sink = hosts.run("core", "sink", "sink", "--bind", "tcp://*:5558", "--out", out, *server)
        broker = hosts.run("core", "broker", "broker", "--journal", journal, "--worker-timeout", "2",
                           "--lease-timeout", "10", *server, "--metrics-port", "9100")
        return broker, sink

    broker, sink = start_core()
    workers = {name: hosts.run(name, name, "worker", "--broker", f"tcp://{core}:5557", "--sink", f"tcp://{core}:5558",
                               "--threads", "1", "--metrics-port", "9102", "--stop-deadline", "5", *client(name))
               for name in ("w1", "w2")}
    early, late = make_docs(300, seed=91, max_bytes=1500), make_docs(400, prefix="late", seed=92, max_bytes=1500)
    docs = early + late

    def feed(name: str, batch: list[dict]):
        return hosts.run("scraper", "feed", "feed", "--to", f"tcp://{core}:5556", *client("scraper"),
                         write_jsonl(tmp / f"{name}.jsonl", batch))

    watcher = OutputWatcher(out)

    def reach(n: int, what: str) -> None:
        def check():
            for proc in (broker, sink, *workers.values()):
                if not proc.alive():
                    procs.fail(f"{proc.name} died (rc={proc.returncode}) while waiting for {what}")
            return watcher.count() >= n
        wait_until(check, FEED_TIMEOUT, what, procs, detail=lambda: f"have {watcher.count()}")

    feeds = [feed("early", early)]
    reach(100, "100 records across hosts")
    hosts.link("w1", up=False)
    cut_at = watcher.count()
    wait_until(lambda: "worker silent" in broker.log_text(), 30, "the broker to give up on w1", procs)
    reach(cut_at + 80, "80 more records from w2 alone with w1's link down")
    hosts.link("w1", up=True)
    restored_at = watcher.count()
    # w1 rejoins by itself: the broker counts two workers again, and w1 takes new work.
    wait_until(lambda: hosts.metrics("core", 9100).get("gleaner_broker_workers") == 2, 30,
               "the broker to count w1 again after its link came back", procs)
    before = hosts.metrics("w1", 9102).get("gleaner_worker_documents_received_total", 0)
    feeds.append(feed("late", late))
    reach(restored_at + 20, "the second batch to start arriving")

    broker.kill9()
    sink.kill9()
    killed_at = watcher.count()
    assert killed_at < len(docs), "everything was written before the kill: the test proves nothing"
    time.sleep(0.5)
    broker, sink = start_core()

    for proc in feeds:
        rc = proc.wait(FEED_TIMEOUT)
        assert rc == 0, f"gleaner feed on the scraper host exited {rc}\n{proc.log_tail()}"
    reach(len(docs), f"all {len(docs)} records after core's processes were killed and restarted")
    after = hosts.metrics("w1", 9102).get("gleaner_worker_documents_received_total", 0)
    assert after > before, f"w1 took no document after its link came back ({before} before, {after} after)"
    for proc in (*workers.values(), broker, sink):
        proc.term(timeout=10)
    assert_exactly_once(read_outputs(out), [d["id"] for d in docs], "documents across four hosts")
    print(f"multi-host: w1's link cut at {cut_at} records, restored at {restored_at}, w1 then took "
          f"{after - before:.0f} documents; core's broker and sink SIGKILLed at {killed_at}; "
          f"{len(docs)} documents exactly once")
