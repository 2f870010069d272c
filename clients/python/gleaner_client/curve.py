"""CURVE encryption and authentication for the connection to a broker (ZeroMQ's
CurveZMQ). Keys are Z85 text (40 characters) as `zmq.curve_keypair()` makes them.
The broker must be configured as a CURVE server with the matching secret key; a
client set up with CURVE cannot talk to a broker that is not (the handshake fails
and the send times out with NotAcceptedError)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

import zmq

Key = Union[str, bytes]


def _key(value: Key, what: str) -> bytes:
    raw = value.encode("ascii") if isinstance(value, str) else bytes(value)
    if len(raw) != 40:
        raise ValueError(f"{what} must be a 40-character Z85 CURVE key, got {len(raw)} characters")
    return raw


@dataclass(frozen=True)
class CurveKeys:
    """The broker's public key, and this client's key pair (a fresh one is made when
    none is given: enough for encryption; give a fixed pair when the broker
    authenticates clients by their public key)."""
    server_public: Key
    public: Optional[Key] = None
    secret: Optional[Key] = None

    def __post_init__(self):
        if (self.public is None) != (self.secret is None):
            raise ValueError("give both the client's public and secret CURVE keys, or neither")

    def apply(self, socket: zmq.Socket) -> None:
        """Sets the socket up as a CURVE client; must run before connect."""
        if not zmq.has("curve"):
            raise RuntimeError("this libzmq was built without CURVE support")
        public, secret = (self.public, self.secret) if self.public is not None else zmq.curve_keypair()
        socket.setsockopt(zmq.CURVE_SERVERKEY, _key(self.server_public, "server_public"))
        socket.setsockopt(zmq.CURVE_PUBLICKEY, _key(public, "public"))
        socket.setsockopt(zmq.CURVE_SECRETKEY, _key(secret, "secret"))
