# Two commands do all the set-up on a fresh machine: `make serve` and `make test`.
VENV      ?= .venv
PYTHON    ?= python3
PY        := $(VENV)/bin/python
CHROMIUM  ?= /usr/bin/chromium
SITE_DIR  ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint browser-packages glossary-check glossary-coverage glossary-new bench clean
.PHONY: l10n l10n-mark

## serve: install the dependencies, then serve the site at http://127.0.0.1:8000/k8s-reference/
serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve --strict -a 127.0.0.1:8000

## build: build the site into ./site with every validation check strict
build: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict -d $(SITE_DIR)

## test: install everything (Python packages, axe-core, Debian's chromium), then run every check
test: $(VENV)/.installed node_modules/.installed browser-packages
	$(PY) -m ruff check .
	$(PY) -m bilingual_glossary check
	$(PY) -m bilingual_glossary l10n --no-diff
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(PY) -m ruff check .

glossary-check: $(VENV)/.installed
	$(PY) -m bilingual_glossary check

glossary-coverage: $(VENV)/.installed
	$(PY) -m bilingual_glossary coverage

## glossary-new ID=<id>: write glossary/<id>.yml from a template, a section per site language
glossary-new: $(VENV)/.installed
	$(PY) -m bilingual_glossary new $(ID)

## l10n: twin pages' structure and spellings to avoid (both fail), then every English page and
## glossary text behind its Korean source, with the source's diff since (never a failure)
l10n: $(VENV)/.installed
	$(PY) -m bilingual_glossary l10n

## l10n-mark FILE=docs/pods.en.md | ID=pod | ALL=1: record that translations follow their source
## as it is now (ID, not TERM: without one, make would pass on the terminal type in TERM)
l10n-mark: $(VENV)/.installed
	$(PY) -m bilingual_glossary l10n-mark $(FILE) $(addprefix --term ,$(ID)) $(if $(ALL),--all)

## bench: time annotation on a generated site; BENCH_ARGS="--targets --instructions" checks the goals;
## then the glossary pages' size at 150 pages per language and 150 terms (under 350 KB each)
bench: $(VENV)/.installed
	$(PY) bench/annotation.py $(BENCH_ARGS)
	$(PY) bench/glossary_size.py

## mutation: break the site on purpose (a link to #viewport, a throwing focus handler, a diagram
## without boxes, invisible tooltip text) and show the tests catch each (tests/mutation/run.py)
.PHONY: mutation
mutation: $(VENV)/.installed node_modules/.installed browser-packages
	$(PY) tests/mutation/run.py $(MUTATION_ARGS)

## match-report: precision and recall of term matching on the marked corpus (tests/corpus/)
.PHONY: match-report
match-report: $(VENV)/.installed
	$(PY) bench/matching_report.py $(MATCH_ARGS)

# The pinned packages, then this project's own plugin (pyproject.toml) in editable mode.
$(VENV)/.installed: requirements.txt requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium and a Korean font (without one every Hangul character is an empty box);
# Playwright never downloads a browser of its own here.
browser-packages:
	@if [ ! -x $(CHROMIUM) ] || ! fc-list :lang=ko 2>/dev/null | grep -q .; then \
	  echo "Installing Debian's chromium and fonts-noto-cjk"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk fontconfig; \
	fi

clean:
	rm -rf $(SITE_DIR) .pytest_cache
