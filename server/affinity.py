"""Keep a server process on chosen CPUs (``--cpus``), every thread of it included.

A server's threads (the Python handler, gRPC's poller and its I/O threads) hand each call from
one to another; left free, the kernel moves them between cores and each move starts on a cold
cache. Held on one core, a single-process server spends less CPU per call (the README's speed
section has the figures). With ``--workers``, worker k takes the k-th CPU of the list, round
robin.
"""

from __future__ import annotations

import os
from collections.abc import Sequence


def parse_cpus(text: str) -> tuple[int, ...]:
    """``"1"``, ``"0,2"`` or ``"0-3"`` (or a mix) as CPU numbers; ``""`` as none."""
    cpus: list[int] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        first, dash, last = part.partition("-")
        if not first.isdigit() or (dash and not (last.isdigit() and int(last) >= int(first))):
            raise ValueError(f"--cpus: {part!r} is not a CPU number or range like 0-3")
        cpus.extend(range(int(first), int(last or first) + 1))
    return tuple(dict.fromkeys(cpus))


def check_cpus(cpus: Sequence[int]) -> None:
    """Raise ValueError naming the CPUs this process may not run on, if any."""
    allowed = os.sched_getaffinity(0)
    outside = sorted(set(cpus) - allowed)
    if outside:
        raise ValueError(f"--cpus: CPU {', '.join(map(str, outside))} is not available "
                         f"(this process may use {', '.join(map(str, sorted(allowed)))})")


def pin_process(cpus: Sequence[int]) -> None:
    """Run every thread of this process, and every thread it starts later, on ``cpus``."""
    for task in os.listdir("/proc/self/task"):
        try:
            os.sched_setaffinity(int(task), set(cpus))
        except ProcessLookupError:  # a thread that ended meanwhile
            pass


def cpus_for_worker(cpus: Sequence[int], worker: int) -> tuple[int, ...]:
    """The CPUs worker number ``worker`` runs on: the worker-th of ``cpus``, round robin."""
    return (cpus[worker % len(cpus)],) if cpus else ()
