# Two commands for a newcomer: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench

$(BIN)/rolefit: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("RoleFit needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

run: $(BIN)/rolefit
	$(BIN)/rolefit console

test: $(BIN)/rolefit
	$(BIN)/python -m pytest

lint: $(BIN)/rolefit
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(BIN)/rolefit
	$(BIN)/python benchmarks/matcher.py
	$(BIN)/python benchmarks/questionnaire.py
	$(BIN)/python benchmarks/console.py
	$(BIN)/python benchmarks/serve.py
