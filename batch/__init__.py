"""qawl over archives: the engine run inside Apache Spark partitions.

``qawl batch INPUT OUTPUT`` (or ``spark-submit`` on ``qawl/batch/job.py``) reads articles from
JSON lines, Parquet or a folder of ``.txt`` files, extracts every article with one engine per
Python worker, and writes one row per statement, one per article, the records it could not
extract with their reasons, and speaker tables. Importing this package loads neither spaCy nor
pyspark; ``qawl.batch.job`` and the modules it uses do, when a job runs.
"""
