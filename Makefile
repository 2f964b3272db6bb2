# Two commands on a fresh machine (Python 3.11 present, nothing else):
#   make run    set up, validate the demo delivery, build, document, summarize
#   make test   set up and run the whole test suite (lint, docs check, dbt, pytest)
# Point at a real delivery with SPASER_RAW_DIR=/path/to/raw make run.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin

export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false
export DBT_PROFILES_DIR := $(CURDIR)
export SPASER_OUTPUT_DIR ?= $(CURDIR)/output
export SPASER_DUCKDB_PATH ?= $(SPASER_OUTPUT_DIR)/spaser.duckdb

.PHONY: setup run validate build docs summary test lint demo-data benchmark benchmark-registries clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

run: validate build docs summary

validate: setup
	$(BIN)/python -m spaser.validate

build: setup
	mkdir -p "$(dir $(SPASER_DUCKDB_PATH))"
	$(BIN)/dbt build

docs: setup
	$(BIN)/dbt docs generate

summary: setup
	$(BIN)/python -m spaser.summary

test: setup lint
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests scripts models
	$(BIN)/ruff format --check src tests scripts models
	$(BIN)/sqlfluff lint models tests/dbt analyses

demo-data: setup
	$(BIN)/python scripts/generate_demo_data.py

benchmark: setup
	$(BIN)/python scripts/benchmark.py

benchmark-registries: setup
	$(BIN)/python scripts/benchmark_registries.py

clean:
	rm -rf target logs output/*.duckdb output/data_docs output/great_expectations
