"""Progress lines for long runs: partitions extracted, articles read, articles per second.

A driver thread polls Spark's status tracker for the jobs of one job group and logs a line
each time ``every`` more tasks (partitions) of them have finished, and once at the end. The
article count is an accumulator the partition function adds to, so it counts the partitions
that have finished. Spark's own console progress bar shows as well on a terminal.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager

log = logging.getLogger("qawl.batch")


class _Poller(threading.Thread):
    def __init__(self, spark_context, group: str, counter, every: int, interval: float) -> None:
        super().__init__(name="qawl-batch-progress", daemon=True)
        self.sc, self.group, self.counter = spark_context, group, counter
        self.every, self.interval = every, interval
        self.stopped = threading.Event()
        self.started = time.monotonic()
        self.logged = 0

    def tasks(self) -> tuple[int, int]:
        """Finished and total tasks over every stage of the group's jobs so far."""
        tracker = self.sc.statusTracker()
        done = total = 0
        for job_id in tracker.getJobIdsForGroup(self.group):
            job = tracker.getJobInfo(job_id)
            for stage_id in (job.stageIds if job else ()):
                stage = tracker.getStageInfo(stage_id)
                if stage is not None:
                    done += stage.numCompletedTasks
                    total += stage.numTasks
        return done, total

    def line(self, done: int, total: int) -> None:
        articles = self.counter.value
        seconds = max(time.monotonic() - self.started, 1e-9)
        log.info("%d/%d partitions extracted, %s records read, %.0f records/s", done, total,
                 f"{articles:,}", articles / seconds)

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                done, total = self.tasks()
            except Exception:  # noqa: BLE001 - the context may be stopping; progress is optional
                return
            if done >= self.logged + self.every:
                self.logged = done - done % self.every
                self.line(done, total)


@contextmanager
def progress(spark_context, group: str, counter, every: int, interval: float = 1.0):
    """Log progress of the jobs run in job group ``group`` while the block runs."""
    spark_context.setJobGroup(group, "qawl batch: extract articles")
    poller = _Poller(spark_context, group, counter, every, interval)
    poller.start()
    try:
        yield
    finally:
        poller.stopped.set()
        poller.join()
        spark_context.setLocalProperty("spark.jobGroup.id", None)
        poller.line(*poller.tasks())
