# The two commands of the README work on a machine with only Python 3.11+ and make:
#   make demo   sets up .venv and prints the Almelo midterm review
#   make test   sets up .venv with the test extras, and a browser, and runs every test and check
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
# Any warning fails the docs build (docs/conf.py is nitpicky: every cross-reference must resolve).
SPHINXOPTS ?= -W --keep-going -q

.PHONY: demo test docs lint typecheck pytest browser bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamps make the environment follow pyproject.toml: edit it and the next run reinstalls.
$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[plot,excel]'
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test,docs]'
	touch $@ $(VENV)/.demo-installed

demo: $(VENV)/.demo-installed
	$(BIN)/python examples/veiligheid.py

# The browser tests render the review and the docs in headless Chromium. Where it is missing,
# install Debian's chromium when we can (root with apt-get); otherwise say how, in one line.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "make: the browser tests need Chromium: install it (sudo apt-get install chromium) and run make test again" >&2; \
	    exit 1; \
	  fi; }

pytest: $(VENV)/.test-installed browser
	$(BIN)/python -m pytest

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: pytest typecheck lint

docs: $(VENV)/.test-installed
	$(BIN)/sphinx-build $(SPHINXOPTS) -b html docs docs/_build/html

# The readers' fuzz properties with thousands of examples each (make test runs a hundred).
fuzz: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q tests/test_fuzz.py --hypothesis-profile=fuzz

# Every script prints its rows (figure, goal, ratio) and exits non-zero when it missed one;
# all of them run, and bench fails at the end if any missed.
bench: $(VENV)/.test-installed
	@missed=""; for script in benchmarks/[!_]*.py; do echo "== $$script"; \
	  $(BIN)/python "$$script" || missed="$$missed $$script"; done; \
	  if [ -n "$$missed" ]; then echo "bench: goals missed in:$$missed" >&2; exit 1; fi

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis artifacts
