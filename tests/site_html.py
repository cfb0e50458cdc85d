"""Reading a built site: its HTML pages, their links, anchors, languages and loaded resources.

Shared by the site tests. Plain standard library (html.parser), so it can also check a small
hand-made folder in the checker's own unit tests.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LANG = "ko"
OTHER_LANGS = ("en",)
NOT_FOUND_PAGE = "404.html"

# Schemes that are never files of this site.
_FOREIGN_SCHEMES = {"http", "https", "mailto", "tel", "javascript", "data", "blob"}
# <link rel=...> values that make the browser fetch the href.
_LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload",
    "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest",
}
# (tag, attribute) pairs whose URL the browser fetches as soon as the element is parsed.
_LOADING_ATTRS = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("frame", "src"),
    ("source", "src"), ("source", "srcset"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("embed", "src"), ("object", "data"),
    ("image", "href"), ("image", "xlink:href"), ("input", "src"),
}
# (tag, attribute) pairs that name another place in the site (followed or fetched).
_LINK_ATTRS = {
    ("a", "href"), ("a", "xlink:href"), ("area", "href"), ("link", "href"), ("script", "src"),
    ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"),
    ("track", "src"), ("embed", "src"), ("object", "data"), ("image", "href"),
    ("image", "xlink:href"), ("use", "href"), ("use", "xlink:href"), ("form", "action"),
}
_CONFIG_SCRIPT = re.compile(r'<script id="__config"[^>]*>(.*?)</script>', re.S)
_ABSOLUTE_URL = re.compile(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}", re.I)
# url(...) and @import "..." in CSS: the places a stylesheet makes the browser fetch.
_CSS_URL = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
_CSS_OUTSIDE = re.compile(
    r"""url\(\s*['"]?\s*(?:https?:)?//|@import\s+(?:url\(\s*)?['"]?\s*(?:https?:)?//""", re.I)


@dataclass(frozen=True)
class Link:
    tag: str
    attr: str
    value: str


@dataclass
class ParsedPage:
    lang: str | None = None
    anchors: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    loads: list[Link] = field(default_factory=list)
    switcher: dict[str, str] = field(default_factory=dict)
    inline_css: list[str] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)  # <link rel=stylesheet> hrefs


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        page = self.page
        if tag == "html" and page.lang is None:
            page.lang = values.get("lang")
        # What a #fragment can land on: any id, and the old-style <a name>. Not <meta name> or
        # <input name>: a link to #viewport or #query goes nowhere.
        if values.get("id"):
            page.anchors.add(values["id"])
        if tag == "a" and values.get("name"):
            page.anchors.add(values["name"])
        for attr, value in values.items():
            if (tag, attr) in _LINK_ATTRS and value:
                page.links.append(Link(tag, attr, value))
            if attr == "srcset" and value:
                page.links.extend(Link(tag, attr, url) for url in _srcset_urls(attr, value))
            if (tag, attr) in _LOADING_ATTRS and value:
                page.loads.extend(Link(tag, attr, url) for url in _srcset_urls(attr, value))
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and rels & _LOADING_RELS and values.get("href"):
            page.loads.append(Link(tag, "href", values["href"]))
        if tag == "link" and "stylesheet" in rels and values.get("href"):
            page.stylesheets.append(values["href"])
        if tag == "a" and "md-select__link" in values.get("class", "").split():
            page.switcher[values.get("hreflang", "")] = values.get("href", "")
        if values.get("style"):
            page.inline_css.append(values["style"])
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.page.inline_css.append(data)


def _srcset_urls(attr: str, value: str) -> list[str]:
    if attr != "srcset":
        return [value]
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def css_urls(css: str) -> list[str]:
    """Every url() and @import target in a piece of CSS (comments removed first)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [next(g for g in match.groups() if g is not None) for match in _CSS_URL.finditer(css)]


def parse_html(text: str) -> ParsedPage:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return parser.page


@dataclass(frozen=True, order=True)
class SitePage:
    """One HTML file of the built site."""

    rel: str  # path from the site root: "en/pods/index.html"

    @property
    def url(self) -> str:
        """The page's URL path from the site root: "en/pods/", "" for the home page."""
        return self.rel[: -len("index.html")] if self.rel.endswith("index.html") else self.rel

    @property
    def lang(self) -> str:
        first = self.rel.split("/", 1)[0]
        return first if first in OTHER_LANGS and "/" in self.rel else DEFAULT_LANG

    @property
    def twin_url(self) -> str:
        """URL path of the same page in the other language (two-language site)."""
        if self.lang == DEFAULT_LANG:
            return f"{OTHER_LANGS[0]}/{self.url}"
        return self.url.split("/", 1)[1]


def site_pages(site_dir: Path) -> list[SitePage]:
    return sorted(SitePage(p.relative_to(site_dir).as_posix()) for p in site_dir.rglob("*.html"))


def source_page_urls(docs_dir: Path = ROOT / "docs") -> list[str]:
    """The URL path of every page the Markdown sources make, from their file names alone
    (suffix structure: pods.md -> pods/, pods.en.md -> en/pods/, index.md -> ""), so tests
    can list the pages at collection time and check the build against them."""
    urls = []
    for source in sorted(docs_dir.rglob("*.md")):
        rel = source.relative_to(docs_dir).as_posix()[: -len(".md")]
        lang = DEFAULT_LANG
        for other in OTHER_LANGS:
            if rel.endswith("." + other):
                rel, lang = rel[: -len(other) - 1], other
        path = "" if rel == "index" else rel.removesuffix("/index") + "/"
        urls.append(path if lang == DEFAULT_LANG else f"{lang}/{path}")
    return urls


def content_pages(pages: list[SitePage]) -> list[SitePage]:
    """The pages that exist once per language: all but the shared 404 page."""
    return [page for page in pages if page.rel != NOT_FOUND_PAGE]


def published_prefix(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The path the site is published under ("/k8s-reference/"), from site_url."""
    text = config_file.read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", text, re.M)
    path = urlsplit(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


class SiteIndex:
    """The parsed pages of one built site, for link and anchor checks."""

    def __init__(self, site_dir: Path, prefix: str = "/") -> None:
        self.site_dir = site_dir
        self.prefix = prefix
        self._parsed: dict[str, ParsedPage] = {}

    def parsed(self, rel: str) -> ParsedPage:
        if rel not in self._parsed:
            text = (self.site_dir / rel).read_text(encoding="utf-8")
            self._parsed[rel] = parse_html(text)
        return self._parsed[rel]

    def resolve(self, from_rel: str, url: str) -> tuple[str | None, str, str | None]:
        """(file path from the site root or None if outside the site, fragment, problem)."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None, "", None
        fragment = unquote(parts.fragment)
        path = unquote(parts.path)
        if not path:
            return from_rel, fragment, None
        if path.startswith("/"):
            if not path.startswith(self.prefix):
                return None, fragment, f"absolute path outside the published site {self.prefix}"
            target = path[len(self.prefix):]
        else:
            target = posixpath.join(posixpath.dirname(from_rel), path)
        target = posixpath.normpath(target) + ("/" if path.endswith("/") else "")
        if target.startswith("../") or target == "..":
            return None, fragment, "points above the site root"
        if target in {".", "./"}:
            target = ""
        file = self.site_dir / target
        if target == "" or target.endswith("/") or file.is_dir():
            target = posixpath.join(target.rstrip("/"), "index.html").lstrip("/")
        return target, fragment, None

    def check(self, from_rel: str, url: str, where: str) -> str | None:
        """What is wrong with `url` as written in file `from_rel`, or None."""
        scheme = urlsplit(url).scheme.lower()
        if scheme in _FOREIGN_SCHEMES or url.startswith("//"):
            return None
        target, fragment, problem = self.resolve(from_rel, url)
        if problem:
            return f"{where} {problem}"
        if target is None:
            return None
        if not (self.site_dir / target).is_file():
            return f"{where} -> missing file {target}"
        if fragment and target.endswith(".html") and \
                fragment not in self.parsed(target).anchors:
            return f"{where} -> no id (or <a name>) \"{fragment}\" in {target}"
        return None

    def broken_links(self, rel: str) -> list[str]:
        parsed = self.parsed(rel)
        problems = [self.check(rel, link.value, f"{rel}: <{link.tag} {link.attr}=\"{link.value}\">")
                    for link in parsed.links]
        for css in parsed.inline_css:
            problems += [self.check(rel, url, f"{rel}: inline CSS url({url})")
                         for url in css_urls(css) if not url.startswith("#")]
        return [p for p in problems if p]

    def broken_stylesheet_urls(self, sheet_rel: str) -> list[str]:
        """url() and @import in one of the site's .css files, relative to that file."""
        css = (self.site_dir / sheet_rel).read_text(encoding="utf-8")
        problems = [self.check(sheet_rel, url, f"{sheet_rel}: url({url})")
                    for url in css_urls(css) if url and not url.startswith("#")]
        return [p for p in problems if p]

    def broken_search_locations(self) -> list[str]:
        """Every `location` in each language's search index names a page, and an anchor on it
        (relative to that language's root: en/search/ holds "pods/" for en/pods/)."""
        indexes = search_indexes(self.site_dir)
        if "" not in indexes:
            return ["search/search_index.json is missing"]
        problems = []
        for prefix, index in indexes.items():
            label = f"{prefix}search/search_index.json"
            problems += [self.check(f"{prefix}index.html", doc["location"] or "./",
                                    f"{label}: location \"{doc['location']}\"")
                         for doc in index["docs"]]
            if not index["docs"]:
                problems.append(f"{label} lists no page")
        return [p for p in problems if p]


def search_indexes(site_dir: Path) -> dict[str, dict]:
    """Each search index of the site by its language root ("" for the default, "en/" ...)."""
    found = {}
    for path in sorted(site_dir.glob("**/search/search_index.json")):
        root = path.parent.parent.relative_to(site_dir).as_posix()
        found["" if root == "." else root + "/"] = json.loads(path.read_text(encoding="utf-8"))
    return found


def search_docs(site_dir: Path) -> list[dict]:
    """Every language's search entries, with locations from the site root (en/pods/#pod)."""
    return [{**doc, "location": prefix + doc["location"]}
            for prefix, index in search_indexes(site_dir).items() for doc in index["docs"]]


def broken_links(site_dir: Path, prefix: str = "/") -> list[str]:
    """Every broken internal href/src/srcset and #fragment in every HTML file of the site,
    every broken url() in its stylesheets (linked and inline), and every search index
    location that names no page or no anchor."""
    index = SiteIndex(site_dir, prefix)
    problems: list[str] = []
    for page in site_pages(site_dir):
        problems.extend(index.broken_links(page.rel))
    for sheet in sorted(site_dir.rglob("*.css")):
        problems.extend(index.broken_stylesheet_urls(sheet.relative_to(site_dir).as_posix()))
    problems.extend(index.broken_search_locations())
    return problems


def outside_loads(site_dir: Path) -> list[str]:
    """Every resource a page or stylesheet would fetch from another host."""
    problems = []
    for page in site_pages(site_dir):
        parsed = parse_html((site_dir / page.rel).read_text(encoding="utf-8"))
        for link in parsed.loads:
            parts = urlsplit(link.value)
            if parts.netloc or link.value.startswith("//") or \
                    parts.scheme.lower() in {"http", "https", "ftp"}:
                problems.append(f"{page.rel}: <{link.tag} {link.attr}=\"{link.value}\">")
        for css in parsed.inline_css:
            if _CSS_OUTSIDE.search(css):
                problems.append(f"{page.rel}: inline CSS loads from another host: {css[:120]}")
        config = _CONFIG_SCRIPT.search((site_dir / page.rel).read_text(encoding="utf-8"))
        if config and _ABSOLUTE_URL.search(config.group(1)):
            problems.append(f"{page.rel}: Material's __config names another host")
    for script in sorted((site_dir / "javascripts").glob("*.js")):
        # The site's own scripts (Material's bundle is checked in the browser test).
        match = _ABSOLUTE_URL.search(script.read_text(encoding="utf-8"))
        if match:
            problems.append(f"{script.relative_to(site_dir)}: {match.group(0)}")
    for sheet in sorted(site_dir.rglob("*.css")):
        match = _CSS_OUTSIDE.search(sheet.read_text(encoding="utf-8"))
        if match:
            problems.append(f"{sheet.relative_to(site_dir)}: {match.group(0)}...")
    return problems


def config_languages(config_file: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The locales static-i18n builds, from mkdocs.yml (tolerating MkDocs' !!python tags)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("", lambda *_: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [lang["locale"] for lang in plugin["i18n"]["languages"]]
    return []
