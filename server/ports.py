"""One port, one server: claim a TCP port for a qawl server so no other server shares it.

gRPC sets SO_REUSEPORT on its listening sockets, and Linux lets any socket of the same user
with SO_REUSEPORT join a port: a second server started on a port already served would quietly
take half its connections (a server without token auth beside one with it, say). So
``qawl-server`` claims its port before it serves, and keeps the claim until it exits:

1. A lock (Linux): an abstract Unix socket named after the port (``\\0qawl-server:PORT``).
   Only one process can bind the name; the kernel drops it when that process ends,
   ``kill -9`` included, so no stale lock outlives a server. Abstract names live in the
   network namespace, like the port itself. The lock is taken before the check below and
   held to the end, so there is no race: of two qawl servers started at once, one is
   refused, even in the second or two before the other's workers listen.
2. A reservation socket: a TCP socket with SO_REUSEADDR (so connections of an earlier server
   left in TIME_WAIT do not block a restart) but without SO_REUSEPORT, bound to the address
   and never listening. Its bind fails if anything at all listens on the address, qawl or
   not; once bound, it keeps the kernel from handing the port to anyone binding port 0.

Then the server itself binds: a single process without SO_REUSEPORT, so no other socket can
join the port while it listens; ``--workers N`` processes with SO_REUSEPORT, which is how they
share the port with each other (the reservation socket does not stand in their way, since it
never listens). The one opening left is a program other than qawl that binds with SO_REUSEPORT
as the same user: the kernel lets it join workers that listen with SO_REUSEPORT, and nothing
a server does can stop that.
"""

from __future__ import annotations

import errno
import socket
import struct
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext

from qawl.server.config import split_address, with_port
from qawl.server.preflight import StartupError

LOCK_PREFIX = "qawl-server:"
"""Abstract Unix socket names ``\\0qawl-server:PORT`` mark a port claimed by a qawl server."""


class PortInUse(StartupError):
    """Another server already listens on the port, or another qawl server has claimed it."""

    exit_code = 1


def lock_port(port: int, shown: str = "") -> AbstractContextManager:
    """Bind the lock name of ``port``; PortInUse, naming the holder's pid, if it is taken.

    ``shown`` is the address the message names (the port alone by default). Abstract socket
    names are Linux's; elsewhere there is no lock, and the reservation socket alone guards
    the port (``--workers`` needs Linux anyway).
    """
    if not sys.platform.startswith("linux"):
        return nullcontext()
    lock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        lock.bind(f"\0{LOCK_PREFIX}{port}")
    except OSError as error:
        lock.close()
        if error.errno != errno.EADDRINUSE:
            raise StartupError(f"cannot lock port {port}: {error.strerror}", exit_code=1) from None
        holder = _lock_holder(port)
        raise PortInUse(f"{shown or f'port {port}'} is already served by another qawl server"
                        + (f" (pid {holder})" if holder else "")) from None
    lock.listen(8)  # only so that a refused server can ask who holds the lock
    return lock


def _lock_holder(port: int) -> int | None:
    """The pid of the process holding ``port``'s lock, read from its socket's credentials."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(1.0)
    try:
        probe.connect(f"\0{LOCK_PREFIX}{port}")
        credentials = probe.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        return struct.unpack("3i", credentials)[0]
    except OSError:
        return None
    finally:
        probe.close()


def _reserve(family: int, sockaddr: tuple, shown: str) -> socket.socket:
    """A REUSEADDR, non-REUSEPORT TCP socket bound to ``sockaddr`` and never listening."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)  # as gRPC binds [::]
        sock.bind(sockaddr)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise PortInUse(f"{shown} is already in use: another server listens there") from None
        raise StartupError(f"--address {shown}: cannot bind: {error.strerror}") from None
    return sock


def _addresses(host: str, port: int, shown: str) -> list[tuple[int, tuple]]:
    """The distinct (family, sockaddr) pairs ``host`` resolves to, as gRPC would bind them."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise StartupError(f"--address {shown}: cannot resolve {host!r}: {error.strerror}") from None
    return list(dict.fromkeys((family, sockaddr) for family, _, _, _, sockaddr in found))


@contextmanager
def claim_port(address: str) -> Iterator[int]:
    """Hold ``address``'s port for one qawl server while the block runs; yield the port.

    Port 0 picks a free port. Raises PortInUse if a server already listens on the address or
    another qawl server has claimed the port, and StartupError if the address cannot be used.
    """
    host, port = split_address(address)
    with ExitStack() as held:
        if port:
            held.enter_context(lock_port(port, address))  # first: no other qawl server between
        for family, sockaddr in _addresses(host, port, address):
            reservation = held.enter_context(
                _reserve(family, (sockaddr[0], port, *sockaddr[2:]), with_port(address, port)))
            if not port:  # the kernel picked one; the lock and any further address follow it
                port = reservation.getsockname()[1]
                held.enter_context(lock_port(port, with_port(address, port)))
        yield port
