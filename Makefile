# Two commands on a fresh machine (Python 3.11 present, nothing else):
#   make run    set up, validate the demo delivery while it is built, publish it if both
#               pass, report, summarize
#   make test   set up and run the whole test suite (lint, docs check, dbt, pytest, browser)
#               (the browser tests need Chromium and axe-core: `make browser` installs them)
# Point at a real delivery with SPASER_RAW_DIR=/path/to/raw make run.
# Paths (SPASER_RAW_DIR, SPASER_OUTPUT_DIR, SPASER_DUCKDB_PATH) are read by the
# Python commands, never by this shell: they may hold spaces, quotes, accents.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
# pytest workers: the builds are mostly single-threaded Python, so two fill two cores.
TEST_WORKERS ?= 2

export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false
export DBT_PROFILES_DIR := $(CURDIR)

.PHONY: setup run validated-build validate build docs exports report summary test lint browser demo-data benchmark benchmark-registries clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

run: validated-build report summary

# The validation and the build read the same files and nothing else of each other: side by
# side (one core each), the publish waiting for the validation's verdict before the swap.
validated-build: setup
	$(BIN)/python -m spaser.publish --validate

validate: setup
	$(BIN)/python -m spaser.validate

# dbt build and its tests, then the static dbt docs, into a fresh database that
# replaces the published one atomically; then the Parquet and CSV exports.
build: setup
	$(BIN)/python -m spaser.publish

# Every build writes the single-file dbt docs (output/dbt_docs/index.html).
docs: build

exports: setup
	$(BIN)/python -m spaser.exports

report: setup
	$(BIN)/python -m spaser.report

summary: setup
	$(BIN)/python -m spaser.summary

test: setup lint browser
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=15

lint: setup
	$(BIN)/ruff check src tests scripts models
	$(BIN)/ruff format --check src tests scripts models
	$(BIN)/sqlfluff lint --processes 0 models tests/dbt analyses  # 0: one process per core

# Headless Chromium and npm for the report's browser tests (installed as root when missing),
# then axe-core at the version package-lock.json pins, for the accessibility check.
browser:
	$(PYTHON) scripts/ensure_chromium.py
	npm ci --no-audit --no-fund --silent

demo-data: setup
	$(BIN)/python scripts/generate_demo_data.py --registries data/demo/registries

benchmark: setup
	$(BIN)/python scripts/benchmark.py

benchmark-registries: setup
	$(BIN)/python scripts/benchmark_registries.py

clean:
	rm -rf target logs node_modules output/*.duckdb output/.*.duckdb.* output/data_docs output/great_expectations \
		output/dbt_docs output/exports output/report output/build_attempts.jsonl
