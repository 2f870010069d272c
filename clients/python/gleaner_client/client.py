"""The acknowledged client: `send` and `send_many` return only once the broker has
journaled (and fsynced) every document given, retrying across broker restarts.

Not thread-safe: use one Client per thread (gleaner_client.background gives a
thread that owns one, for frameworks that call from elsewhere).
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterable, Mapping
from typing import Optional, Sequence, Union

import zmq

from .curve import CurveKeys
from .errors import NotAcceptedError
from .link import BrokerLink, Pending
from .routing import document_id, endpoint_index

DEFAULT_ENDPOINT = "tcp://127.0.0.1:5556"
_POLL_MS = 50
_RESEND_SCAN_S = 1.0
_UNSET = object()


def encode(record: Mapping) -> bytes:
    """The frame the broker journals: the record as compact UTF-8 JSON. Raises
    TypeError/ValueError for what JSON cannot hold (NaN, sets, lone surrogates)."""
    if not isinstance(record, Mapping):
        raise TypeError(f"a document is a mapping (a JSON object), not {type(record).__name__}")
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


class Client:
    """Sends documents to one or more brokers' acknowledged ingest (port 5556).

    endpoints: one endpoint or a list. With several, each document goes to
        endpoints[FNV-1a-64(id as UTF-8) % len(endpoints)] (see routing.py), so give
        every client the same list in the same order.
    window: the most documents of one call held unacknowledged (sent or waiting
        for the broker's credit) at once; bounds memory, not just the wire.
    timeout: seconds a call may go without any document acknowledged while some
        wait; then it raises NotAcceptedError naming those. None waits forever
        (a broker that is down is waited for).
    resend_after: a document sent but unacknowledged this long is sent again.
    curve: CurveKeys to encrypt the connections (the broker must be a CURVE server).
    """

    def __init__(self, endpoints: Union[str, Sequence[str]] = DEFAULT_ENDPOINT, *, window: int = 1024,
                 timeout: Optional[float] = 60.0, resend_after: float = 30.0,
                 curve: Optional[CurveKeys] = None):
        self.endpoints = [endpoints] if isinstance(endpoints, str) else list(endpoints)
        if not self.endpoints:
            raise ValueError("give at least one broker endpoint")
        if window < 1:
            raise ValueError("window must be at least 1")
        self.window = window
        self.timeout = timeout
        self._context = zmq.Context()
        self._links = [BrokerLink(self._context, e, curve, resend_after) for e in self.endpoints]
        self._poller = zmq.Poller()
        for link in self._links:
            self._poller.register(link.socket, zmq.POLLIN)
        self._tickets = itertools.count(1)
        self.accepted = 0  # documents acknowledged over this client's life

    # ------------------------------------------------------------------ sending

    def send(self, record: Mapping, *, timeout=_UNSET) -> str:
        """Sends one document; returns its id once the broker has journaled it."""
        payload = encode(record)
        ident = document_id(record, payload)
        self._deliver(iter([(record, payload, ident)]), timeout)
        return ident

    def send_many(self, records: Iterable[Mapping], *, timeout=_UNSET) -> int:
        """Sends every document of `records` (any iterable, read lazily) and returns
        how many, once all are journaled. A record JSON cannot hold raises
        TypeError/ValueError after every record before it is acknowledged; none after
        it is sent."""
        return self._deliver(_encoded(records), timeout)

    # ------------------------------------------------------------------ state

    @property
    def in_flight(self) -> int:
        """Documents handed to a broker link and not yet acknowledged."""
        return sum(link.unacknowledged for link in self._links)

    @property
    def resent(self) -> int:
        """Documents sent again (after a broker restart or a silent connection)."""
        return sum(link.resent for link in self._links)

    @property
    def broker_restarts_seen(self) -> int:
        return sum(link.restarts_seen for link in self._links)

    def close(self) -> None:
        for link in self._links:
            link.close()
        self._context.term()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ the loop

    def _deliver(self, items, timeout) -> int:
        timeout = self.timeout if timeout is _UNSET else timeout
        call = _Call(items)
        last_scan = time.monotonic()
        try:
            while True:
                self._take_in(call)
                if call.stopped is not None and not call.waiting:
                    if isinstance(call.stopped, StopIteration):
                        return call.done
                    raise call.stopped
                now = self._exchange(call)
                if now - last_scan >= _RESEND_SCAN_S:
                    last_scan = now
                    for link in self._links:
                        link.requeue_stale(now)
                if timeout is not None and call.waiting and now - call.last_progress > timeout:
                    raise self._not_accepted(call, timeout)
        finally:
            # Whatever ends the call (done, timeout, Ctrl-C), its documents stop being
            # retried: a later call must not wait for them or send them unasked.
            if call.waiting:
                tickets = set(call.waiting)
                for link in self._links:
                    link.forget(tickets)

    def _take_in(self, call: "_Call") -> None:
        """Hands documents to their brokers' links while the call holds fewer than `window`."""
        while call.stopped is None and len(call.waiting) < self.window:
            try:
                record, payload, ident = next(call.items)
            except (StopIteration, TypeError, ValueError) as stop:
                call.stopped = stop
                return
            ticket = next(self._tickets)
            call.waiting[ticket] = (ident, record)
            self._links[endpoint_index(ident, len(self._links))].add(Pending(ident, payload, ticket))

    def _exchange(self, call: "_Call") -> float:
        """Sends what credit allows, then waits briefly for acknowledgements."""
        now = time.monotonic()
        for link in self._links:
            link.flush(now)
        ready = dict(self._poller.poll(_POLL_MS))
        now = time.monotonic()
        for link in self._links:
            if link.socket in ready:
                for pending in link.receive():
                    if call.waiting.pop(pending.token, None) is not None:
                        call.done += 1
                        self.accepted += 1
                        call.last_progress = now
        return now

    def _not_accepted(self, call: "_Call", timeout: float) -> NotAcceptedError:
        ids = [ident for ident, _ in call.waiting.values()]
        records = [record for _, record in call.waiting.values()]
        brokers = sorted({self.endpoints[endpoint_index(i, len(self.endpoints))] for i in ids})
        return NotAcceptedError(
            f"{len(ids)} document(s) not acknowledged by {', '.join(brokers)} for {timeout:g} s "
            f"(first: {ids[0]!r}); {call.done} of this call were journaled. Is the broker running "
            f"and reachable (and with CURVE, are the keys right)?",
            ids, records, call.done)


class _Call:
    """One send/send_many: its documents not yet acknowledged, in the order given."""

    def __init__(self, items):
        self.items = items
        self.waiting: dict[int, tuple[str, Mapping]] = {}
        self.done = 0
        self.stopped: Optional[BaseException] = None  # StopIteration, or the record JSON cannot hold
        self.last_progress = time.monotonic()


def _encoded(records: Iterable[Mapping]):
    for n, record in enumerate(records, start=1):
        try:
            payload = encode(record)
        except (TypeError, ValueError) as error:
            kind = TypeError if isinstance(error, TypeError) else ValueError
            raise kind(f"document #{n} cannot be sent as JSON: {error}") from error
        yield record, payload, document_id(record, payload)
