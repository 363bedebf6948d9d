"""Version 1 of the qawl contract: ``qawl_pb2`` (messages) and ``qawl_pb2_grpc`` (service).

Generated from ``qawl.proto`` by ``python proto/generate.py``; do not edit the stubs by hand.
"""
