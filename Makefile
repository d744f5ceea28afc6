# Two commands for a fresh machine: `make demo` and `make test` (see README).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.accord-installed

.PHONY: demo test browser bench score clean

demo: $(STAMP)
	$(VENV)/bin/accord demo --db accord.db

test: $(STAMP) browser
	$(PY) -m pytest -q

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

# Debian's chromium for the web page test (Playwright drives it through executablePath).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "install Debian's chromium (sudo apt-get install chromium) for the browser test"; exit 1; fi; }

score: $(STAMP)
	$(VENV)/bin/accord extract ../shared/corpus/seeds -o /tmp/accord-seeds.jsonl --quiet; \
	python3 ../shared/eval/score.py --gold ../shared/eval/gold --pred /tmp/accord-seeds.jsonl
	$(VENV)/bin/accord extract ../shared/eval/plover_dev/texts -o /tmp/accord-plover.jsonl --quiet; \
	python3 ../shared/eval/score.py --gold ../shared/eval/plover_dev/gold --pred /tmp/accord-plover.jsonl

bench: $(STAMP)
	$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) accord.db accord.db-wal accord.db-shm
