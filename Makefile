# The two commands a newcomer needs:  make run  (set up, build the index if needed, start the UI)
#                                     make test (set up, incl. a browser for UI tests, run all tests)
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run setup index test bench eval help load-test screenshot

run: setup  ## set everything up, build index/ if needed, start the UI on http://127.0.0.1:7860
	$(PY) app.py

setup:  ## create .venv and install jmqa with pinned dependencies (torch CPU wheel first)
	scripts/setup.sh

index: setup  ## rebuild the search index in index/
	$(VENV)/bin/jmqa index

test:  ## install everything the tests need (incl. Debian chromium), lint, and run all the tests
	scripts/setup.sh --browser
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

bench: setup  ## print cold start, warm latency p50/p95 and peak memory
	$(PY) scripts/benchmark.py

eval: setup  ## score retrieval and answers on both splits, write eval/reports/
	$(VENV)/bin/jmqa eval --split dev
	$(VENV)/bin/jmqa eval --split test

help:
	@grep -E '^[a-z]+:.*##' Makefile | sed 's/:.*## /\t/'

load-test: setup  ## 20 concurrent clients x 10 questions against a freshly started app
	$(PY) scripts/load_test.py --start

screenshot: setup  ## refresh docs/screenshot.png from the browser test
	JMQA_UPDATE_SCREENSHOT=1 $(PY) -m pytest tests/test_ui_browser.py -k highlight
