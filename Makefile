# Quick start: `make demo` and `make test` set everything up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: setup demo test lint format bench workbook clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q python  # bytecode, as an installed package has it
	touch $(STAMP)

demo: setup
	@mkdir -p $(OUT)
	$(BIN)/klantanalyse analyse klantanalyse.xlsm -o $(OUT)/klantanalyse-analyse.xlsm

test: setup
	$(BIN)/ruff check python tests benchmarks
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check python tests benchmarks
	$(BIN)/ruff format --check python tests benchmarks

format: setup
	$(BIN)/ruff format python tests benchmarks

workbook: setup
	$(BIN)/klantanalyse workbook -o klantanalyse.xlsm
	$(BIN)/klantanalyse workbook --lite -o klantanalyse-lite.xlsx

bench: setup
	$(BIN)/python benchmarks/bench_analyse.py
	$(BIN)/python benchmarks/bench_excel.py
	$(BIN)/python benchmarks/bench_orders.py
	$(BIN)/python benchmarks/bench_read.py
	$(BIN)/python benchmarks/bench_floor.py
	$(BIN)/python benchmarks/bench_peers.py
	$(BIN)/python benchmarks/bench_affinity.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
