"""One connection to one broker's acknowledged ingest (docs/protocol.md, "Acknowledged
ingest"): a DEALER that says HELLO, sends DOC frames only against the credit the
broker grants, and forgets a document only when an ACCEPTED names it.

It does the same as `gleaner feed` (Sources/GleanerPipeline/Feed/Feeder.swift): when a
reply carries an epoch it has not seen, the broker restarted and lost its credit and
any document it had not yet fsynced, so every document not yet ACCEPTED is queued
again; a document unacknowledged for `resend_after` seconds is queued again too (a
connection that broke without a restart). A copy the broker did journal is then
journaled twice, which is safe: the sink writes each id once.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from typing import Optional

import zmq

from .curve import CurveKeys

VERSION = b"GLN1"
HELLO_UNANSWERED_S = 0.2
HELLO_S = 1.0


@dataclass
class Pending:
    """A document this link holds until the broker acknowledges it."""
    id: str
    payload: bytes
    token: object  # the caller's handle for it (the Client's ticket)
    sent_at: float = 0.0  # 0 while queued
    sends: int = 0


class BrokerLink:
    def __init__(self, context: zmq.Context, endpoint: str, curve: Optional[CurveKeys],
                 resend_after: float):
        self.endpoint = endpoint
        self.resend_after = resend_after
        self.socket = context.socket(zmq.DEALER)
        # The same settings as Gleaner's own connecting peers (docs/protocol.md, "Sockets"):
        # a send fails instead of queueing for a broker that is not there, dead TCP
        # links are noticed by heartbeats, reconnects back off to 2 s, close never hangs.
        self.socket.setsockopt(zmq.ROUTING_ID, b"pyclient-" + os.urandom(6).hex().encode())
        self.socket.setsockopt(zmq.IMMEDIATE, 1)
        self.socket.setsockopt(zmq.HEARTBEAT_IVL, 1000)
        self.socket.setsockopt(zmq.HEARTBEAT_TIMEOUT, 3000)
        self.socket.setsockopt(zmq.RECONNECT_IVL_MAX, 2000)
        self.socket.setsockopt(zmq.LINGER, 0)
        if curve is not None:
            curve.apply(self.socket)
        self.socket.connect(endpoint)
        self.epoch: Optional[bytes] = None
        self.restarts_seen = 0
        self.credit = 0
        self.resent = 0
        self._unacked: dict[int, Pending] = {}
        self._queue: deque[int] = deque()  # refs to send: new documents and resends, in order
        self._next_ref = 1
        self._last_hello = 0.0

    @property
    def unacknowledged(self) -> int:
        return len(self._unacked)

    def add(self, pending: Pending) -> None:
        ref = self._next_ref
        self._next_ref += 1
        self._unacked[ref] = pending
        self._queue.append(ref)

    def forget(self, tokens: set) -> None:
        """Stop trying to deliver these (the caller gave up on them)."""
        for ref in [r for r, p in self._unacked.items() if p.token in tokens]:
            del self._unacked[ref]

    def receive(self) -> list[Pending]:
        """Reads every waiting reply; returns the documents now acknowledged."""
        accepted = []
        while True:
            try:
                frames = self.socket.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                return accepted
            if len(frames) < 4 or frames[0] != VERSION or frames[1] not in (b"WELCOME", b"ACCEPTED"):
                continue
            epoch, granted = frames[2], _number(frames[3])
            if granted is None:
                continue
            if epoch != self.epoch:
                if self.epoch is not None:
                    self.restarts_seen += 1
                self.epoch = epoch
                self.credit = 0
                self._queue = deque(sorted(self._unacked))
            self.credit += granted
            for frame in frames[4:]:
                ref = _number(frame)
                if ref is not None and ref in self._unacked:
                    accepted.append(self._unacked.pop(ref))

    def flush(self, now: float) -> None:
        """Says HELLO when due, then sends queued documents while credit lasts."""
        if now - self._last_hello >= (HELLO_S if self.epoch is not None else HELLO_UNANSWERED_S):
            self._last_hello = now
            self._send([VERSION, b"HELLO"])
        while self.credit > 0 and self._queue:
            ref = self._queue[0]
            pending = self._unacked.get(ref)
            if pending is None:  # acknowledged (or given up) since it was queued
                self._queue.popleft()
                continue
            if not self._send([VERSION, b"DOC", str(ref).encode(), pending.payload]):
                return  # no connection to the broker: wait for one
            self._queue.popleft()
            if pending.sends:
                self.resent += 1
            pending.sends += 1
            pending.sent_at = now
            self.credit -= 1

    def requeue_stale(self, now: float) -> None:
        for ref, pending in self._unacked.items():
            if pending.sent_at and now - pending.sent_at > self.resend_after:
                pending.sent_at = 0.0
                self._queue.append(ref)

    def close(self) -> None:
        self.socket.close(linger=0)

    def _send(self, frames: list[bytes]) -> bool:
        try:
            self.socket.send_multipart(frames, zmq.NOBLOCK)
            return True
        except zmq.Again:
            return False


def _number(frame: bytes) -> Optional[int]:
    try:
        return int(frame)
    except ValueError:
        return None
