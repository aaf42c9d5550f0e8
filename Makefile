# Two entry points for a fresh machine with Python 3.11 and make: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DATA ?= ../shared/data
# The Pythons the built wheel is tested on (the classifiers in pyproject.toml list the same), and
# those the lowest dependency versions allowed are tested on.
PYTHONS ?= 3.11 3.12 3.13
MIN_PYTHONS ?= 3.11 3.13

.PHONY: demo test lint typecheck unit examples docs bench clean wheel wheel-test min-test

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) examples/demo.py

test: lint typecheck unit examples docs

lint: $(STAMP)
	$(PY) -m ruff check conftest.py src tests examples benchmarks docs tools
	$(PY) -m ruff format --check conftest.py src tests examples benchmarks docs tools

typecheck: $(STAMP)
	$(PY) -m mypy --strict src

unit: $(STAMP)
	$(PY) -m pytest -q

examples: $(STAMP)
	@set -e; for f in examples/*.py; do echo "== $$f"; $(PY) $$f > /dev/null; done

docs: $(STAMP)
	$(PY) docs/generate_pictures.py > /dev/null
	$(PY) -m sphinx -W --keep-going -q -b html docs docs/_build/html

# The wheel, built as a user's pip would build it (isolated, from pyproject.toml).
wheel: $(STAMP)
	rm -rf dist
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir dist .

# The suite against the installed wheel (not the checkout), on each Python of PYTHONS.
wheel-test: wheel
	@set -e; for v in $(PYTHONS); do .ci/installed-suite wheel $$v; done

# The suite with the lowest versions of attrs, cattrs and python-dateutil pyproject.toml allows.
min-test: wheel
	@set -e; for v in $(MIN_PYTHONS); do .ci/installed-suite min $$v; done

bench: $(STAMP)
	@set -e; for f in benchmarks/[!_]*.py; do echo "== $$f"; $(PY) $$f; done

clean:
	rm -rf $(VENV) .venvs dist docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis
