# make run: build the graph if there is no store yet, then serve it on http://127.0.0.1:8000
# make test: lint, type-check and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= data/store
STAMP := $(VENV)/.installed

.PHONY: run test build lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(STORE)/CURRENT: | $(STAMP)
	$(BIN)/designations build --store $(STORE)

build: $(STAMP)
	$(BIN)/designations build --store $(STORE)

run: $(STAMP) $(STORE)/CURRENT
	$(BIN)/designations serve --store $(STORE)

lint: $(STAMP)
	$(BIN)/ruff check graph api tests bench
	$(BIN)/ruff format --check graph api tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) data .mypy_cache .pytest_cache .ruff_cache
