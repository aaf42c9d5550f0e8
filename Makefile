# Two entry points for a fresh machine with Python 3.11 and make: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DATA ?= ../shared/data

.PHONY: demo test lint typecheck unit examples docs bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) examples/demo.py

test: lint typecheck unit examples docs

lint: $(STAMP)
	$(PY) -m ruff check src tests examples benchmarks docs tools
	$(PY) -m ruff format --check src tests examples benchmarks docs tools

typecheck: $(STAMP)
	$(PY) -m mypy --strict src

unit: $(STAMP)
	$(PY) -m pytest -q

examples: $(STAMP)
	@set -e; for f in examples/*.py; do echo "== $$f"; $(PY) $$f > /dev/null; done

docs: $(STAMP)
	$(PY) docs/generate_pictures.py > /dev/null
	$(PY) -m sphinx -W --keep-going -q -b html docs docs/_build/html

bench: $(STAMP)
	@set -e; for f in benchmarks/*.py; do echo "== $$f"; $(PY) $$f; done

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis
