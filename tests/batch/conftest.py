"""One small local Spark session for every batch test (starting one costs seconds)."""

from __future__ import annotations

import pytest

SPARK_CONF = (
    ("spark.ui.enabled", "false"),
    ("spark.ui.showConsoleProgress", "false"),
    ("spark.sql.shuffle.partitions", "2"),
    ("spark.default.parallelism", "2"),
)


@pytest.fixture(scope="package")
def spark():
    """A local session with two cores, each task allowed two attempts (``local[2,2]``), stopped
    when the batch tests are done so its JVM and workers do not run beside the other tests."""
    pytest.importorskip("pyspark", reason="the batch tests need the qawl[spark] extra")
    from qawl.batch.session import JavaMissing, build_session, check_java

    try:
        check_java()
    except JavaMissing as error:
        pytest.skip(str(error))
    session = build_session("local[2,2]", SPARK_CONF, app_name="qawl-batch-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
