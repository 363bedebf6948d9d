"""Start the Spark session a batch run uses: local by default, any cluster by ``--master``.

Under ``spark-submit`` the master and settings come from spark-submit; with ``qawl batch`` or
``python -m qawl.batch`` the master is ``--master``, else ``local[*]`` (every core of this
machine, no cluster to start). A local session binds only to the loopback address, and its
Python workers run the driver's own interpreter (where qawl is installed) unless
``PYSPARK_PYTHON`` says otherwise.
"""

from __future__ import annotations

import os
import shutil
import sys

DEFAULT_MASTER = "local[*]"


class JavaMissing(RuntimeError):
    """No Java runtime to start Spark with."""


def check_java() -> None:
    """Raise ``JavaMissing`` with what to install when neither JAVA_HOME nor java is found."""
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return
    if shutil.which("java"):
        return
    raise JavaMissing("qawl batch runs on Apache Spark, which needs Java 17 or newer: install it"
                      " (Debian/Ubuntu: apt-get install openjdk-17-jre-headless) or set JAVA_HOME")


def under_spark_submit() -> bool:
    """Whether this driver was launched by spark-submit (which starts the JVM first)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def build_session(master: str | None = None, conf: tuple[tuple[str, str], ...] = (),
                  app_name: str = "qawl-batch"):
    """A SparkSession for ``master`` (see the module docstring) with ``conf`` applied."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is None and not under_spark_submit():
        master = DEFAULT_MASTER
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        check_java()
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        # Workers run this interpreter, which has qawl, unless the user chose another.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1"))
    for key, value in conf:
        builder = builder.config(key, value)
    return builder.getOrCreate()
