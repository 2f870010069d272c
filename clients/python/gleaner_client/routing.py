"""Which broker a document goes to when there are several.

The choice must be stable: a document re-sent after a broker restart has to reach
the broker that may already have journaled it, and every client (whatever its
language) has to agree. So it is a plain, documented hash of the document's id:
FNV-1a 64-bit over the id's UTF-8 bytes, modulo the number of endpoints, in the
order the endpoints were given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

FNV64_OFFSET = 0xCBF29CE484222325
FNV64_PRIME = 0x100000001B3
_MASK64 = (1 << 64) - 1


def fnv1a64(data: bytes) -> int:
    h = FNV64_OFFSET
    for byte in data:
        h = ((h ^ byte) * FNV64_PRIME) & _MASK64
    return h


def endpoint_index(document_id: str, endpoint_count: int) -> int:
    """The position, in the client's endpoint list, of the broker for this id."""
    return fnv1a64(document_id.encode("utf-8")) % endpoint_count


def document_id(record: Mapping, payload: bytes) -> str:
    """The id the pipeline will give the record (CONTRACT.md): its `id`, else the hex
    SHA-256 of `content`; for a record the pipeline cannot read as a document, the
    SHA-256 of the bytes sent, which is the id of its error record."""
    given = record.get("id")
    if isinstance(given, str):
        return given
    content = record.get("content")
    if given is None and isinstance(content, str):
        return hashlib.sha256(content.encode("utf-8")).hexdigest()
    return hashlib.sha256(payload).hexdigest()
