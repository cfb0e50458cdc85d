# Two commands do all the set-up on a fresh machine: `make serve` and `make test`.
VENV      ?= .venv
PYTHON    ?= python3
PY        := $(VENV)/bin/python
CHROMIUM  ?= /usr/bin/chromium
SITE_DIR  ?= site
export PYTHONPATH := $(CURDIR)/plugins
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint chromium glossary-check glossary-coverage glossary-new bench clean

## serve: install the dependencies, then serve the site at http://127.0.0.1:8000/k8s-reference/
serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve --strict -a 127.0.0.1:8000

## build: build the site into ./site with every validation check strict
build: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict -d $(SITE_DIR)

## test: install everything (Python packages, axe-core, Debian's chromium), then run every check
test: $(VENV)/.installed node_modules/.installed chromium
	$(PY) -m ruff check .
	$(PY) -m glossary check
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(PY) -m ruff check .

glossary-check: $(VENV)/.installed
	$(PY) -m glossary check

glossary-coverage: $(VENV)/.installed
	$(PY) -m glossary coverage

## glossary-new ID=<id>: write glossary/<id>.yml from a template with both languages
glossary-new: $(VENV)/.installed
	$(PY) -m glossary new $(ID)

## bench: time annotation on a generated site; BENCH_ARGS="--targets --instructions" checks the goals
bench: $(VENV)/.installed
	$(PY) bench/annotation.py $(BENCH_ARGS)

$(VENV)/.installed: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium; Playwright never downloads a browser of its own here.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  echo "Installing Debian's chromium"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; \
	fi

clean:
	rm -rf $(SITE_DIR) .pytest_cache
