# Two commands for a fresh machine: `make demo` and `make test` (see README).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.accord-installed
TEST_STAMP := $(VENV)/.accord-test-installed
# what the README's examples use: the API and page, Parquet, pandas and the walkthrough's matplotlib
DEMO_EXTRAS := api,parquet,pandas,notebook

PLAIN := build/plain-venv

.PHONY: demo test plain browser java bench score clean

demo: $(STAMP)
	$(VENV)/bin/accord demo --db accord.db

test: $(TEST_STAMP) browser java
	$(PY) -m pytest -q

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[$(DEMO_EXTRAS)]"
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install -q -e ".[test,spark]"
	$(PY) -m pip check
	touch $(TEST_STAMP)

# A user's install, made anew each time: plain `pip install -e .` with the pip the virtual environment
# comes with (no upgrade), `pip check`, then the reader tests in it and one `accord ingest` over a folder
# of a 1.2-million-character article, an HTML page and bad files. A dependency that only some pip
# versions resolve (the HTML reader's lxml_html_clean) fails here rather than on a user's machine.
plain:
	rm -rf $(PLAIN)
	python3 -m venv $(PLAIN)
	$(PLAIN)/bin/python -m pip install -q -e .
	$(PLAIN)/bin/python -m pip check
	$(PLAIN)/bin/python -m pip install -q pytest
	$(PLAIN)/bin/python -m pytest -q -p no:cacheprovider tests/test_ingest.py \
	  tests/test_reliability.py::test_one_run_codes_every_good_article_and_names_every_bad_input \
	  tests/test_reliability.py::test_a_long_article_is_coded_with_exact_offsets

# Debian's chromium for the web page test (Playwright drives it through executablePath).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "install Debian's chromium (sudo apt-get install chromium) for the browser test"; exit 1; fi; }

# Java 17 for the Spark engine's test (pyspark runs a local JVM).
java:
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	  else echo "install Java 17 (sudo apt-get install openjdk-17-jre-headless) for the Spark test"; exit 1; fi; }

score: $(STAMP)
	$(VENV)/bin/accord extract ../shared/corpus/seeds -o /tmp/accord-seeds.jsonl --quiet; \
	python3 ../shared/eval/score.py --gold ../shared/eval/gold --pred /tmp/accord-seeds.jsonl
	$(VENV)/bin/accord extract ../shared/eval/plover_dev/texts -o /tmp/accord-plover.jsonl --quiet; \
	python3 ../shared/eval/score.py --gold ../shared/eval/plover_dev/gold --pred /tmp/accord-plover.jsonl

bench: $(TEST_STAMP)
	$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) $(PLAIN) accord.db accord.db-wal accord.db-shm
