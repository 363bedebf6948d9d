# Set up and run qawl on the seed articles, or run its tests, on a fresh machine.
#   make run    create .venv, install qawl, extract quotes from seeds/ and score them
#   make test   create .venv, install qawl, run the test suite

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: setup run test stubs lint bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(INSTALLED)

run: setup
	$(BIN)/qawl extract --format table seeds/*.txt
	$(BIN)/qawl eval --gold seeds/gold seeds/*.txt

test: setup
	$(BIN)/pytest -q

# Regenerate the committed Python stubs after editing proto/.
stubs: setup
	$(BIN)/python proto/generate.py

lint: setup
	$(BIN)/buf lint

# Print the benchmark figures: engine vs the bare tokenizer, cost against length, hostile
# input, and RPC load with 1 and 2 workers, then paired rounds (about eight minutes, loopback only).
bench: setup
	$(BIN)/python -m benchmarks
