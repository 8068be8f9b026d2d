# Two commands for a fresh machine: `make run` and `make test`. Everything else follows.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# Python writes no bytecode as it goes: tests and tools leave no __pycache__ behind. `make run`
# (and the start-up bench) compile the program's own modules first (`compile`, into __pycache__,
# which git ignores), so a start reads them compiled, as the frozen program does, instead of
# compiling 40 modules again each time; Python still checks each against its source.
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint format bench store translations compile dist clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Handbok needs Python 3.11 or newer; '$(PYTHON)' is older. Set PYTHON=python3.11."; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || \
	  { echo "Python's venv module is missing. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dev]'
	@touch $@

translations: $(STAMP)
	@$(BIN)/python -m desktop.translations build

store: $(STAMP)
	@$(BIN)/handbok build-index

compile: $(STAMP)
	@$(BIN)/python -m compileall -q desktop index

run: $(STAMP) translations store compile
	@$(BIN)/python tools/check_qt_libs.py
	$(BIN)/handbok

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Every benchmark, then one table against the bars of docs/architecture.md (bench/out/report.md for README).
# BENCH_ARGS go to search_bench.py: BENCH_ARGS="--articles 1000" for a quick run.
bench: $(STAMP) translations store compile
	$(BIN)/python bench/report.py $(BENCH_ARGS)

dist: $(STAMP) translations
	$(BIN)/python build/build.py

clean:
	rm -rf .store bench/out build/work dist .pytest_cache .mypy_cache .ruff_cache
	find desktop index -name __pycache__ -type d -prune -exec rm -rf {} +
