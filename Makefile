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

# The engine's ordinary-word test reads Debian's Arabic Hunspell dictionary through Enchant.
SYSTEM_PACKAGES := hunspell-ar libenchant-2-2

$(INSTALLED): pyproject.toml | $(BIN)/python
	@dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES); \
	  else \
	    echo "qawl needs the system packages $(SYSTEM_PACKAGES) (Debian/Ubuntu: sudo apt-get install $(SYSTEM_PACKAGES))" >&2; exit 1; \
	  fi; }
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
