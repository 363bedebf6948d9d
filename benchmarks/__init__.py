"""Benchmarks of qawl: figures printed as tables and ratios, never asserted.

Each module runs on its own with ``python -m benchmarks.<name>``; ``python -m benchmarks`` runs
them all in order. Every loop is bounded both in count and in time, and the RPC
benchmark talks to loopback only.

- ``engine``: engine time per seed article and chars/s on one core, next to spaCy's bare
  blank Arabic tokenizer on the same texts.
- ``scaling``: cost on 1x, 10x and 100x concatenations of a seed and on a 1 MB article.
- ``pathological``: long runs of quotation marks, commas and colons, sized up until slow.
- ``rpc``: Extract and StreamQuotes throughput and latency over gRPC at several concurrencies,
  next to the standard health Check on the same server, and memory per worker; then the judged
  ratios from ``rounds`` (paired, interleaved runs), with ``bare_server`` replaying the same
  bytes as the transport's own floor.
"""
