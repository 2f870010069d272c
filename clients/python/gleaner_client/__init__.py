"""Gleaner's Python client: documents to the broker's acknowledged ingest, each call
returning only once the broker has journaled every document (see README.md)."""

from .client import DEFAULT_ENDPOINT, Client, encode
from .curve import CurveKeys
from .errors import GleanerError, NotAcceptedError
from .routing import document_id, endpoint_index, fnv1a64

__all__ = [
    "Client", "CurveKeys", "DEFAULT_ENDPOINT", "GleanerError", "NotAcceptedError",
    "document_id", "encode", "endpoint_index", "fnv1a64",
]
