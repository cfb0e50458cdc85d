"""Shared fixtures: the site built once per test session, served on 127.0.0.1 (at / and under
its published prefix /k8s-reference/), and Chromium, whose console errors fail the test."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from site_html import published_prefix

ROOT = Path(__file__).resolve().parent.parent
# The path GitHub Pages serves the site under (site_url in mkdocs.yml).
PUBLISHED_PREFIX = published_prefix(ROOT / "mkdocs.yml")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def build_site(dest: Path, project: Path = ROOT, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict`; returns the finished process (check returncode).

    Not `-q`: it raises the log level above WARNING, so strict would count no warning at all
    (a broken link or a spelling to avoid would pass). The plugin is the installed package."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
         str(project / "mkdocs.yml"), "-d", str(dest)],
        cwd=project, env=full_env, capture_output=True, text=True, timeout=300,
    )


# What a copy of the project leaves out: installed packages, caches, build output, git.
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__",
                                     ".pytest_cache", ".ruff_cache", ".hypothesis", "*.egg-info")


def copy_project(dest: Path, source: Path = ROOT) -> Path:
    """A copy of the project's site (mkdocs.yml, docs, glossary, overrides ...) to break on
    purpose. Build it with build_site(..., project=dest); the plugin is the installed one."""
    shutil.copytree(source, dest, ignore=COPY_IGNORE)
    return dest


@pytest.fixture(autouse=True)
def _fresh_plugin_instances() -> Iterator[None]:
    """MkDocs keeps a plugin with on_startup for the whole process (for `mkdocs serve`), in a
    cache on its config schema: each test starts without the instances earlier tests left."""
    from mkdocs.config.defaults import MkDocsConfig

    MkDocsConfig.plugins.plugin_cache.clear()
    yield


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return dest


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files like GitHub Pages: a missing path gets the root 404.html with status 404.

    `prefix` is the path the site is served under: "/" locally, "/k8s-reference/" as published.
    Under a prefix, a path outside it is missing too.
    """

    prefix = "/"

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        bare = path.split("?", 1)[0].split("#", 1)[0]
        if self.prefix != "/":
            if not bare.startswith(self.prefix):
                return str(Path(self.directory) / "-outside-the-prefix-")  # never a file
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@contextlib.contextmanager
def _serve(site_dir: Path, prefix: str) -> Iterator[str]:
    handler_class = type("Handler", (_SiteHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The site served at the root of 127.0.0.1:<port>, as `mkdocs serve` does not."""
    with _serve(site_dir, "/") as url:
        yield url


@pytest.fixture(scope="session")
def prefixed_site_url(site_dir: Path) -> Iterator[str]:
    """The site served under its published path, http://127.0.0.1:<port>/k8s-reference/,
    like GitHub Pages: any other path (outside the prefix too) gets the root 404.html."""
    with _serve(site_dir, PUBLISHED_PREFIX) as url:
        yield url


# --- Chromium, and the errors it sees ----------------------------------------------------------
#
# Every context made through the `browser` fixture is watched: console errors, uncaught page
# errors, HTTP error responses and requests to other hosts (blocked) are recorded against the
# test that is running, and that test fails at teardown unless it declared each one it expects:
#
#     @pytest.mark.expect_console(r"404")        # for the whole test, or
#     watched_page.watch.expect(r"404")          # from inside it.
#
# A declared pattern that never matches fails the test too. Pages made in module- or
# session-scoped fixtures are covered: what they report goes to whichever test is running.

LOCAL = ("http://127.0.0.1:", "http://localhost:", "data:", "blob:", "about:")


class BrowserWatch:
    """What one test's pages reported, and what the test said it expects."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[str] = []
        self.expected: list[re.Pattern[str]] = []

    def expect(self, pattern: str) -> None:
        self.expected.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        out = [p for p in self.problems if not any(e.search(p) for e in self.expected)]
        out += [f"expected a console/page error matching {e.pattern!r}, none came"
                for e in self.expected if not any(e.search(p) for p in self.problems)]
        return out


class PageWatch:
    """Console errors, failed requests and requests to other hosts seen by one page."""

    def __init__(self, hub: WatchedBrowser) -> None:
        self._hub = hub
        self.console_errors: list[str] = []  # console errors and uncaught exceptions
        self.outside_requests: list[str] = []
        self.failed_responses: list[str] = []  # "404 http://..."

    def expect(self, pattern: str) -> None:
        """Declare an error this test expects (a regular expression searched in its text)."""
        self._hub.expect(pattern)


class WatchedBrowser:
    """The session's Chromium; every context it makes is watched (see above)."""

    def __init__(self, browser) -> None:
        self._browser = browser
        self._current: BrowserWatch | None = None
        self._pending: list[str] = []  # reported while no test was running
        self._owned: list = []  # contexts made by new_page(), closed after the test

    def __getattr__(self, name: str):
        return getattr(self._browser, name)

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.route("**/*", self._route)
        context.on("page", self._watch_page)
        return context

    def new_page(self, **options):
        context = self.new_context(**options)
        self._owned.append(context)
        return context.new_page()

    # the test's lifetime, driven by the autouse fixture below
    def begin(self, watch: BrowserWatch) -> None:
        self._current = watch
        watch.problems += self._pending
        self._pending = []

    def end(self) -> BrowserWatch | None:
        for context in self._owned:
            context.close()
        self._owned = []
        watch, self._current = self._current, None
        return watch

    def expect(self, pattern: str) -> None:
        if self._current is None:
            raise RuntimeError("expect() is for use inside a test")
        self._current.expect(pattern)

    def _report(self, problem: str) -> None:
        (self._current.problems if self._current else self._pending).append(problem)

    def _watch_page(self, page) -> None:
        watch = PageWatch(self)
        page.watch = watch

        def console(message) -> None:
            if message.type == "error":
                watch.console_errors.append(message.text)
                source = (message.location or {}).get("url") or page.url
                self._report(f"console error from {source}: {message.text}")

        def page_error(error) -> None:
            watch.console_errors.append(str(error))
            self._report(f"page error on {page.url}: {error}")

        def response(reply) -> None:
            if reply.status >= 400:
                watch.failed_responses.append(f"{reply.status} {reply.url}")
                self._report(f"HTTP {reply.status} {reply.url}")

        page.on("console", console)
        page.on("pageerror", page_error)
        page.on("response", response)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
            return
        try:
            page = route.request.frame.page
        except Exception:  # a worker's request has no frame
            page = None
        if page is not None and hasattr(page, "watch"):
            page.watch.outside_requests.append(url)
        self._report(f"request to another host (blocked): {url}")
        route.abort()


@pytest.fixture(scope="session")
def browser() -> Iterator[WatchedBrowser]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does).")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield WatchedBrowser(instance)
        instance.close()


@pytest.fixture(scope="module")
def tabs(browser, request):
    """tabs(width) -> one Korean-locale page per window width, shared by one module's tests;
    a module may set TAB_HEIGHT (default 900)."""
    height = getattr(request.module, "TAB_HEIGHT", 900)
    contexts: dict[int, object] = {}
    pages: dict[int, object] = {}

    def tab(width: int):
        if width not in pages:
            contexts[width] = browser.new_context(locale="ko-KR",
                                                  viewport={"width": width, "height": height})
            pages[width] = contexts[width].new_page()
        return pages[width]

    yield tab
    for context in contexts.values():
        context.close()


@pytest.fixture(autouse=True)
def _browser_errors_fail_the_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a test that uses Chromium when one of its pages reported an error it did not
    declare (see the comment above WatchedBrowser)."""
    if "browser" not in request.fixturenames:
        yield
        return
    hub: WatchedBrowser = request.getfixturevalue("browser")
    watch = BrowserWatch(request.node.nodeid)
    for mark in request.node.iter_markers("expect_console"):
        for pattern in mark.args:
            watch.expect(pattern)
    hub.begin(watch)
    yield
    hub.end()
    problems = watch.unexpected()
    if problems:
        pytest.fail(f"{len(problems)} browser problem(s) the test did not expect:\n  "
                    + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def make_page(browser: WatchedBrowser) -> Iterator[Callable[..., object]]:
    """make_page(**context_options) -> a fresh watched page in its own context (closed after
    the test). For a phone, a dark palette, no JavaScript and so on."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def watched_page(make_page, site_url: str):
    """A fresh Korean-locale page whose requests may not leave 127.0.0.1 (they are blocked
    and recorded); the test fails on any console or page error it did not declare."""
    return make_page(locale="ko-KR")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "expect_console(*patterns): the console/page errors, HTTP errors or "
        "outside requests this browser test expects (regular expressions)")
    config.addinivalue_line("markers", "fast: the quick tier (make test-fast), set in conftest")
    config.addinivalue_line("markers", "slow: the no-browser slow tier (make test-slow)")


# --- tiers: make test-fast, test-slow, test-browser -----------------------------------------
#
# Every test lands in exactly one tier, decided here so that no test file has to say so:
# `browser` if it is marked so; `slow` if it fuzzes (hypothesis) or its module builds other
# sites or runs `mkdocs serve` (SLOW_MODULES); `fast` otherwise. `pytest -m fast` etc.
SLOW_MODULES = {
    "test_plugin",  # other sites, mkdocs serve
    "test_failure_modes",  # a broken copy of the project per case
    "test_macros",
    "test_diagram_site",
    "test_l10n",
    "test_export",
    "test_serving",
    "test_extension",  # ProperDocs and zensical builds
    "test_macro_output",  # copies of the site with hostile pages
    "test_hostile_glossary",  # broken and hostile inputs, each its own build
    "test_hostile_output",
    "test_hostile_pages",
}


def tier_of(item: pytest.Item) -> str:
    if item.get_closest_marker("browser") is not None:
        return "browser"
    module = getattr(item, "module", None)
    name = module.__name__.rpartition(".")[2] if module is not None else ""
    function = getattr(item, "function", None)
    if name in SLOW_MODULES or getattr(function, "is_hypothesis_test", False):
        return "slow"
    return "fast"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        tier = tier_of(item)
        if tier != "browser":
            item.add_marker(getattr(pytest.mark, tier))
