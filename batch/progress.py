"""Progress lines for long runs: partitions extracted, records read, records per second.

Two Spark accumulators, added to by the partition function (records as it reads them,
partitions as it finishes them), reach the driver as each task finishes; a driver thread
polls them and logs a line each time ``every`` more partitions are done, and once at the end.
Spark's own console progress bar shows as well on a terminal.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger("qawl.batch")


class Progress:
    """Counts what the workers have finished and logs it from a driver thread."""

    def __init__(self, spark_context, every: int, interval: float = 1.0) -> None:
        self.records = spark_context.accumulator(0)
        self.partitions = spark_context.accumulator(0)
        self.every, self.interval = every, interval
        self.total = 0
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = 0.0

    def line(self) -> None:
        """Log where the run stands."""
        records = self.records.value
        seconds = max(time.monotonic() - self._started, 1e-9)
        log.info("%d/%d partitions extracted, %s records read, %.0f records/s",
                 self.partitions.value, self.total, f"{records:,}", records / seconds)

    def _poll(self) -> None:
        logged = 0
        while not self._stopped.wait(self.interval):
            done = self.partitions.value
            if done >= logged + self.every:
                logged = done - done % self.every
                self.line()

    def __enter__(self) -> "Progress":
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._poll, name="qawl-batch-progress", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopped.set()
        self._thread.join()
        if exc[0] is None:
            self.line()
