# Two commands do all the set-up on a fresh machine: `make serve` and `make test`.
# Each installs only what it needs: `make serve` and `make build` the site's packages
# (requirements.txt and the plugin), `make test` adds the test tools (requirements-test.txt).
VENV      ?= .venv
PYTHON    ?= python3
PY        := $(VENV)/bin/python
CHROMIUM  ?= /usr/bin/chromium
SITE_DIR  ?= site
SITE_VENV := $(VENV)/.site-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast test-slow test-browser lint browser-packages glossary-check glossary-coverage glossary-new bench clean
.PHONY: l10n l10n-mark

## serve: install the site's packages, then preview it at http://127.0.0.1:8000/k8s-reference/
## Not strict: a problem is a warning in the terminal and a banner on every page until fixed.
serve: $(SITE_VENV)
	$(VENV)/bin/mkdocs serve -a 127.0.0.1:8000

## build: build the site into ./site with every validation check strict
build: $(SITE_VENV)
	$(VENV)/bin/mkdocs build --strict -d $(SITE_DIR)

## test: install everything (test tools, axe-core, Debian's chromium), then run the tiers in
## order, stopping at the first that fails: test-fast, test-slow, test-browser
test: $(VENV)/.installed
	@$(MAKE) --no-print-directory test-fast
	@$(MAKE) --no-print-directory test-slow
	@$(MAKE) --no-print-directory test-browser
	@echo "== make test: every tier passed"

# tests/conftest.py (tier_of, SLOW_MODULES) puts each test in one tier. Exit status 5 means
# the tier selected no test at all: not a failure.
PYTEST_TIER = $(PY) -m pytest -q -m
NO_TESTS_IS_OK = || [ $$? -eq 5 ]

## test-fast: ruff, the glossary and translation checks and the quick tests (about a minute)
test-fast: $(VENV)/.installed
	@echo "== make test: 1/3 fast: ruff, glossary check, quick tests"
	$(PY) -m ruff check .
	$(PY) -m bilingual_glossary check
	$(PY) -m bilingual_glossary l10n --no-diff
	$(PYTEST_TIER) fast $(NO_TESTS_IS_OK)

## test-slow: tests that need no browser but build other sites or fuzz (hypothesis)
test-slow: $(VENV)/.installed
	@echo "== make test: 2/3 slow: other sites' builds, mkdocs serve, fuzzing"
	$(PYTEST_TIER) slow $(NO_TESTS_IS_OK)

## test-browser: the built site in headless Chromium (installs axe-core and Debian's chromium)
test-browser: $(VENV)/.installed node_modules/.installed browser-packages
	@echo "== make test: 3/3 browser: the built site in Chromium"
	$(PYTEST_TIER) browser $(NO_TESTS_IS_OK)

lint: $(VENV)/.installed
	$(PY) -m ruff check .

glossary-check: $(SITE_VENV)
	$(PY) -m bilingual_glossary check

glossary-coverage: $(SITE_VENV)
	$(PY) -m bilingual_glossary coverage

## glossary-new ID=<id>: write glossary/<id>.yml, a draft (`draft: true`) with a section per
## site language to fill
glossary-new: $(SITE_VENV)
	$(PY) -m bilingual_glossary new $(ID)

## l10n: twin pages' structure and spellings to avoid (both fail), then every English page and
## glossary text behind its Korean source, with the source's diff since (never a failure)
l10n: $(SITE_VENV)
	$(PY) -m bilingual_glossary l10n

## l10n-mark FILE=docs/pods.en.md | ID=pod | ALL=1: record that translations follow their source
## as it is now (ID, not TERM: without one, make would pass on the terminal type in TERM)
l10n-mark: $(SITE_VENV)
	$(PY) -m bilingual_glossary l10n-mark $(FILE) $(addprefix --term ,$(ID)) $(if $(ALL),--all)

## bench: time annotation on a generated site; BENCH_ARGS="--targets --instructions" checks the goals;
## then the glossary pages' size at 150 pages per language and 150 terms (under 350 KB each)
bench: $(SITE_VENV)
	$(PY) bench/annotation.py $(BENCH_ARGS)
	$(PY) bench/glossary_size.py

## bench-lighthouse: Lighthouse 12.2.3 mobile scores of /, /pods/ and both glossary pages, served
## with gzip as GitHub Pages does (LIGHTHOUSE_ARGS="--runs 3 --targets" checks the goals)
.PHONY: bench-lighthouse
bench-lighthouse: $(VENV)/.installed node_modules/.installed
	$(PY) bench/lighthouse.py $(LIGHTHOUSE_ARGS)

## mutation: break the site on purpose (a link to #viewport, a throwing focus handler, a diagram
## without boxes, invisible tooltip text) and show the tests catch each (tests/mutation/run.py)
.PHONY: mutation
mutation: $(VENV)/.installed node_modules/.installed browser-packages
	$(PY) tests/mutation/run.py $(MUTATION_ARGS)

## match-report: precision and recall of term matching on the marked corpus (tests/corpus/)
.PHONY: match-report
match-report: $(SITE_VENV)
	$(PY) bench/matching_report.py $(MATCH_ARGS)

# The site's pinned packages, then this project's own plugin (pyproject.toml) in editable
# mode: what `make serve` and `make build` need (about 170 MB).
$(SITE_VENV): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The test tools on top (pytest, hypothesis, ruff, Playwright's driver, zensical: about 300 MB
# more).
$(VENV)/.installed: $(SITE_VENV) requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
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
