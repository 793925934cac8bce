# The two commands of the README work on a machine with only Python 3.11+ and make:
#   make demo   sets up .venv and prints the Almelo midterm review
#   make test   sets up .venv with the test extras and runs every check
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: demo test docs lint typecheck pytest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamps make the environment follow pyproject.toml: edit it and the next run reinstalls.
$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[plot]'
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test,docs]'
	touch $@ $(VENV)/.demo-installed

demo: $(VENV)/.demo-installed
	$(BIN)/python examples/veiligheid.py

pytest: $(VENV)/.test-installed
	$(BIN)/python -m pytest

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: pytest typecheck lint

docs: $(VENV)/.test-installed
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis artifacts
