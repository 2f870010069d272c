"""A thread that owns a Client, for callers on other threads (an event loop, a
framework's item pipeline). What they submit is sent in batches, so a burst of
documents costs the broker one group commit instead of one fsync each, and each
caller learns about its own document through a Future."""

from __future__ import annotations

import queue
import threading
from collections.abc import Mapping
from concurrent.futures import Future
from typing import Callable

from .client import Client, encode
from .errors import NotAcceptedError
from .routing import document_id

_STOP = object()


class BackgroundSender:
    def __init__(self, make_client: Callable[[], Client]):
        self._make_client = make_client
        self._queue: "queue.Queue" = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="gleaner-sender", daemon=True)
        self._thread.start()

    def submit(self, record: Mapping) -> "Future[str]":
        """Queues a document; the Future gets its id once the broker journaled it, or
        NotAcceptedError. A record JSON cannot hold raises here, in the caller."""
        ident = document_id(record, encode(record))
        future: "Future[str]" = Future()
        self._queue.put((record, ident, future))
        return future

    def close(self) -> None:
        """Sends everything submitted so far, then stops the thread."""
        self._queue.put(_STOP)
        self._thread.join()

    def _run(self) -> None:
        client = self._make_client()
        try:
            while True:
                batch, stop = self._next_batch(client.window)
                if batch:
                    self._send(client, batch)
                if stop:
                    return
        finally:
            client.close()

    def _next_batch(self, limit: int) -> tuple[list, bool]:
        first = self._queue.get()
        if first is _STOP:
            return [], True
        batch = [first]
        while len(batch) < limit:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is _STOP:
                return batch, True
            batch.append(item)
        return batch, False

    @staticmethod
    def _send(client: Client, batch: list) -> None:
        # A batch is at most client.window long, so send_many takes all of it in at
        # once and a NotAcceptedError's records are exactly the batch's failures.
        try:
            client.send_many(record for record, _, _ in batch)
            failed, error = set(), None
        except NotAcceptedError as e:
            failed, error = {id(r) for r in e.records}, e
        except Exception as e:  # noqa: BLE001 - whatever it is, every caller must hear it
            failed, error = {id(r) for r, _, _ in batch}, e
        for record, ident, future in batch:
            if id(record) in failed:
                future.set_exception(error)
            else:
                future.set_result(ident)
