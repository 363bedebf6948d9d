# Set up and run qawl on the seed articles, or run its tests, on a fresh machine.
#   make run    create .venv, install qawl, extract quotes from seeds/ and score them
#   make test   create .venv, install qawl, run the test suite (with Chromium for the browser tests)
#   (both also install the Spark extra, and Java 17 for it where missing: see tools/ensure_java.sh)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: setup java run test stubs lint bench bench-batch browser docs

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
	$(BIN)/pip install --quiet -e '.[dev,report,spark]'
	touch $@

setup: $(INSTALLED) java

# Spark (qawl batch) needs a Java 17+ runtime: installed with apt-get as root where missing.
java:
	@sh tools/ensure_java.sh

run: setup
	$(BIN)/qawl extract --format table seeds/*.txt
	$(BIN)/qawl eval --gold seeds/gold seeds/*.txt

test: setup browser
	$(BIN)/pytest -q

# Debian's Chromium and fonts with Arabic and Latin for the browser tests
# (tests/client/test_browser.py), installed only where missing and only as root; elsewhere
# those tests are skipped and say why.
BROWSER_PACKAGES := chromium fonts-noto-ui-core fonts-dejavu-core
browser:
	@if command -v chromium >/dev/null 2>&1 && { ! command -v dpkg-query >/dev/null 2>&1 || \
	    [ "$$(dpkg-query -W -f='$${Status}\n' $(BROWSER_PACKAGES) 2>/dev/null | grep -c 'ok installed')" -eq $(words $(BROWSER_PACKAGES)) ]; }; \
	then :; \
	elif [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing $(BROWSER_PACKAGES) for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -qq --no-install-recommends $(BROWSER_PACKAGES) >/dev/null; \
	else echo "chromium or its fonts missing and not root: the browser tests may be skipped"; fi

# The README's pictures: the seeds' article view and report, as pages and headless-Chromium
# screenshots in docs/.
CHROMIUM := chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars
docs: setup browser
	$(BIN)/qawl extract --format html --output docs/seeds.html seeds/*.txt
	$(BIN)/qawl report seeds --output docs/report.html --csv docs/report
	profile=$$(mktemp -d) && $(CHROMIUM) --user-data-dir=$$profile --window-size=1200,1400 \
	    --screenshot=docs/article-view.png docs/seeds.html 2>/dev/null; rm -rf $$profile
	profile=$$(mktemp -d) && $(CHROMIUM) --user-data-dir=$$profile --window-size=1100,1600 \
	    --screenshot=docs/report.png docs/report.html 2>/dev/null; rm -rf $$profile

# Regenerate the committed Python stubs after editing proto/.
stubs: setup
	$(BIN)/python proto/generate.py

lint: setup
	$(BIN)/buf lint

# Print the benchmark figures: engine vs the bare tokenizer, cost against length, hostile
# input, and RPC load with 1 and 2 workers, then paired rounds (about eight minutes, loopback only).
bench: setup
	$(BIN)/python -m benchmarks

# The Spark batch job against the engine alone on 10,000 articles (about four minutes; apart from
# `make bench` for its length and its Spark start-ups).
bench-batch: setup
	$(BIN)/python -m benchmarks.batch
