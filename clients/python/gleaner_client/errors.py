"""What a send can raise. A document named in an exception was NOT journaled by the
broker as far as this client knows: keep it and send it again later (re-sending an
id that did get through is safe, the sink writes each id once)."""

from __future__ import annotations


class GleanerError(Exception):
    """Base class of this package's errors."""


class NotAcceptedError(GleanerError):
    """The broker acknowledged nothing for `timeout` seconds while documents were
    waiting: the broker is down, unreachable, refusing the CURVE handshake, or full.

    `ids` lists the documents of this call that were not acknowledged, in the order
    they were given; `records` holds the same documents, for a retry or a spool."""

    def __init__(self, message: str, ids: list[str], records: list, accepted: int):
        super().__init__(message)
        self.ids = ids
        self.records = records
        self.accepted = accepted
