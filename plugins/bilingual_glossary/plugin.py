"""MkDocs event glue: every decision is made in the modules beside this one.

This file turns MkDocs objects into plain values (paths, languages, URLs), keeps the build's
state on the plugin instance, and turns GlossaryError into one clean PluginError.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import YAML_RE as FRONT_MATTER

from bilingual_glossary.config import ANNOTATE_MODES, GlossaryConfig
from bilingual_glossary.csp import add_policy, inline_scripts
from bilingual_glossary.data.errors import GlossaryError
from bilingual_glossary.data.model import Glossary
from bilingual_glossary.export.addresses import SiteAddresses, site_addresses
from bilingual_glossary.export.files import export_files
from bilingual_glossary.export.jsonld import defined_term_set, json_ld_script
from bilingual_glossary.extension import NAME as EXTENSION_NAME
from bilingual_glossary.glossary_page.directive import DIRECTIVE, fill_directive
from bilingual_glossary.glossary_page.page import (
    fill_used_on,
    glossary_page_html,
    sort_key,
)
from bilingual_glossary.html_page import add_to_body_end, add_to_head, add_to_page
from bilingual_glossary.l10n.site import SiteL10n, add_notice, fill_badges, notice_html
from bilingual_glossary.l10n.terminology import ALLOW_KEY, allowed_spellings
from bilingual_glossary.languages import (
    normalize_lang,
    page_language,
    site_languages,
    without_language_suffix,
)
from bilingual_glossary.macros import MacroContext, make_macros
from bilingual_glossary.matching.policy import MarkPolicy
from bilingual_glossary.page_source import front_matter, unclosed_front_matter
from bilingual_glossary.placeholders import anchor_ids
from bilingual_glossary.search_index import split_search_index
from bilingual_glossary.serving import ProblemLog, fallback_session, mark_site, quiet_chatty_loggers
from bilingual_glossary.session import BuildSession, GlossaryCache, PageRef
from bilingual_glossary.templating import Templates
from bilingual_glossary.tooltips.markup import annotated_ids, tooltip_table, tooltips_html
from bilingual_glossary.tooltips.switch import HEAD_SCRIPT, add_button, add_button_to_page
from bilingual_glossary.typography import keep_korean_words
from bilingual_glossary.ui import ui_table

log = logging.getLogger("mkdocs.plugins.bilingual_glossary")

ASSETS_DIR = Path(__file__).parent / "assets"
ASSETS_URL = "assets/bilingual-glossary/"
SITE_CSS = ("glossary-tooltip.css", "hierarchy.css")  # every page
SITE_JS = ("glossary-tooltip.js",)
GLOSSARY_PAGE_CSS = ("glossary-page.css", "l10n.css")  # the glossary pages only
GLOSSARY_PAGE_JS = ("glossary-filter.js",)
# Marks <html> before the first paint when scripts run, so glossary-page.css shows the filter
# form from the start (no layout shift when the filter script arrives at the end of <body>).
GLOSSARY_PAGE_HEAD_SCRIPT = '<script>document.documentElement.classList.add("glossary-js")</script>'


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._cache = GlossaryCache()
        self.session: BuildSession | None = None
        self.glossary_dir = Path("glossary")
        self.default_lang = ""  # the site's, set in on_config
        self.langs: tuple[str, ...] = ()  # the site's languages, its default first
        self._untranslated: set[str] = set()  # languages without glossary text, logged once
        self._glossary_urls: dict[str, str] = {}  # lang -> URL of its glossary page
        self._nav_order: dict[str, int] = {}  # page URL -> position in the navigation
        self._annotated: dict[str, str] = {}  # page source -> annotated HTML until rendered
        self._linked: dict[str, frozenset[str]] = {}  # page source -> ids with annotations
        self._buttons: set[str] = set()  # page sources whose content holds the switch button
        self._current_page = None  # the page mkdocs-macros is rendering
        self._addresses: SiteAddresses | None = None  # where the entries live, for the exports
        self.l10n: SiteL10n | None = None  # translations' freshness, terminology lint
        self._tooltips: dict[str, dict[str, str]] = {}  # lang -> term id -> its tooltip
        self._tip_rank: dict[str, dict[str, int]] = {}  # lang -> term id -> its print place
        self._command = "build"  # `mkdocs serve` injects a live-reload script: no policy then
        self._content_scripts: set[str] = set()  # script texts pages wrote: never allowed
        # `mkdocs serve` (serving.py): problems become warnings and a banner on every page.
        # With on_startup, MkDocs keeps this instance from one rebuild to the next.
        self._serving = False
        self._problems: ProblemLog | None = None
        self._last_good: Glossary | None = None  # the last glossary loaded without a problem
        self._said: set[str] = set()  # warnings given in this rebuild (each language passes)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command
        self._serving = command == "serve"
        if self.config.quiet:  # before the first build: other plugins' on_config log too
            quiet_chatty_loggers()
        if self._serving and self._problems is None:
            self._problems = ProblemLog()
            logging.getLogger("mkdocs").addHandler(self._problems)

    def on_shutdown(self) -> None:
        if self._problems is not None:
            logging.getLogger("mkdocs").removeHandler(self._problems)
            self._problems = None

    # --- configuration ---------------------------------------------------------------------

    @event_priority(-10)  # after mkdocs-macros' on_config, which resets its macro table
    def on_config(self, config):
        self.glossary_dir = Path(config.config_file_path or ".").parent / self.config.glossary_dir
        self.langs = config_languages(config)
        self.default_lang = self.langs[0]
        self._annotated.clear()
        self._linked.clear()
        self._buttons.clear()
        self._untranslated.clear()
        self._content_scripts.clear()
        if self.config.marks_per_block < 0:
            raise PluginError("bilingual-glossary: marks_per_block is "
                              f"{self.config.marks_per_block}. Fix: write 0 for no limit, or "
                              "the most automatic marks a paragraph may get (default 3).")
        self._policy = MarkPolicy(self.config.marks_per_block, self.config.mark_own_section)
        if self.config.quiet:
            quiet_chatty_loggers()
        if not _nested_build(config):  # a new build or rebuild, not static-i18n's next language
            self._said.clear()
            if self._problems is not None:
                self._problems.start()
        try:
            self.session = self._cache.session(self.glossary_dir, self.langs)
            self._last_good = self.session.glossary
        except GlossaryError as exc:
            if not self._serving:
                raise PluginError(exc.report()) from None
            for problem in exc.problems:  # shown, not fatal: the last good glossary serves
                self._warn(str(problem))
            self.session = fallback_session(self._last_good, self.langs)
        for draft in self.session.glossary.drafts:  # a warning: strict builds fail on one
            self._warn(draft)
        self._l10n_setup(config)
        self._ui_setup(config)
        _drop_extension(config)
        macros_plugin = config.plugins.get("macros")
        if macros_plugin is not None:
            macros = make_macros(self._macro_context)
            taken = sorted(set(macros) & set(macros_plugin.macros))
            if taken:
                raise PluginError(f"mkdocs-macros already has a macro named {', '.join(taken)}. "
                                  "Fix: rename the site's own macro; the glossary plugin "
                                  "registers term, hierarchy, hierarchy_chain and glossary_page.")
            macros_plugin.register_macros(macros)
        if self.config.assets:
            for name in SITE_CSS:
                if ASSETS_URL + name not in config.extra_css:
                    config.extra_css.append(ASSETS_URL + name)
            present = {str(script) for script in config.extra_javascript}
            for name in SITE_JS:
                if ASSETS_URL + name not in present:
                    config.extra_javascript.append(ExtraScriptValue(ASSETS_URL + name))
        return config

    # after static-i18n's on_post_build (-100): it has built the other languages and written
    # its shared search index
    @event_priority(-200)
    def on_post_build(self, config) -> None:
        if _nested_build(config):  # one of static-i18n's inner builds: not done yet
            return
        self._split_search_index(config)
        if self._problems is not None:  # serving: the banner on every page, or none
            mark_site(config.site_dir, self._problems.lines())
            self._problems.active = False

    def _ui_setup(self, config) -> None:
        """The site's interface words and templates (theme.custom_dir may override the
        plugin's)."""
        try:
            self.session.ui = ui_table(self.config.ui)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        self.session.templates = Templates(list(config.theme.dirs) if config.theme else [])
        self._tooltips = {}
        self._tip_rank = {}

    def _tooltip_table(self, lang: str) -> dict[str, str]:
        """The language's tooltips, made from the site's templates when a page first needs
        them (a build without tooltips makes none)."""
        table = self._tooltips.get(lang)
        if table is None:
            try:
                table = self._tooltips[lang] = tooltip_table(
                    self.session.glossary, lang, self.session.templates)
            except ValueError as exc:
                raise PluginError(str(exc)) from None
        return table

    def _tooltip_rank(self, lang: str) -> dict[str, int]:
        """Each term's place in the printed list of a page's terms (the glossary page's
        order), worked out once per build rather than sorted by name on every page."""
        rank = self._tip_rank.get(lang)
        if rank is None:
            glossary = self.session.glossary
            ordered = sorted(glossary, key=lambda term: sort_key(term.name(lang), lang))
            rank = self._tip_rank[lang] = {term.id: i for i, term in enumerate(ordered)}
        return rank

    def on_serve(self, server, config, builder):
        server.watch(str(self.glossary_dir))  # an edited term rebuilds the site
        if self.l10n is not None and self.l10n.record_dir.is_dir():
            server.watch(str(self.l10n.record_dir))  # so does `make l10n-mark`
        return server

    # --- files and navigation --------------------------------------------------------------

    def on_files(self, files: Files, config) -> Files:
        if self.config.assets:
            for name in (*SITE_CSS, *SITE_JS, *GLOSSARY_PAGE_CSS, *GLOSSARY_PAGE_JS):
                if files.get_file_from_path(ASSETS_URL + name) is None:
                    files.append(File.generated(config, ASSETS_URL + name,
                                                abs_src_path=str(ASSETS_DIR / name)))
        return files

    def on_nav(self, nav, config, files):
        # here, not in on_files: static-i18n gives each language's files their URLs (en/...)
        # in its own on_files, after ours
        self._glossary_urls = {}
        for file in files.documentation_pages():
            if self._source_page(file.src_uri) == self.config.glossary_page:
                self._glossary_urls[self._lang(file)] = file.url
        self._nav_order = {page.url: index for index, page in enumerate(nav.pages)}
        self._add_export_files(files, config)
        return nav

    # --- pages -----------------------------------------------------------------------------

    def on_pre_page(self, page, config, files):
        self._current_page = page
        return page

    def on_page_read_source(self, page, config):
        """Check the page's front matter before MkDocs and mkdocs-macros read it (an alias
        bomb, deep nesting, broken YAML, a title with markup: page_source.py). Returns None:
        MkDocs reads the page itself."""
        label = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        try:
            source = page.file.content_string
        except UnicodeDecodeError as exc:
            raise PluginError(f"{label}: is not UTF-8 text (at byte {exc.start}). Fix: save "
                              "the page as UTF-8.") from None
        match = FRONT_MATTER.match(source)
        try:
            if match:
                front_matter(match.group(1), label)
            elif source.startswith("---"):
                unclosed_front_matter(source, label)
        except GlossaryError as exc:
            raise PluginError("\n".join(map(str, exc.problems))) from None
        return None

    @event_priority(-50)  # after mkdocs-macros has run the page's macros
    def on_page_markdown(self, markdown, page, config, files):
        if self.session.macro_errors:
            errors, self.session.macro_errors[:] = list(self.session.macro_errors), []
            self._problem("\n".join(errors))
        self._mode(page)  # an invalid front matter value stops the build (serving: a warning)
        self._l10n_lint(page)
        lang = self._lang(page.file)
        if self._is_glossary_page(page, lang):
            try:
                markdown = fill_directive(
                    markdown, page.file.src_uri,
                    lambda: glossary_page_html(self.session.glossary, lang, self.session.ui,
                                               self.session.templates),
                    self.session.placeholders.hold, "macros" in config.plugins)
            except ValueError as exc:
                self._problem(str(exc))
        return markdown

    def on_page_content(self, html, page, config, files):
        html = self._restore_placeholders(html, page)
        self._content_scripts.update(inline_scripts(html))  # raw <script> in a page: no hash
        if not self.config.tooltips:
            return html
        lang = self._lang(page.file)
        if not self._has_text(lang) or self._is_glossary_page(page, lang):
            return html
        mode = self._mode(page)
        result = self.session.annotator(lang).annotate(html, self._glossary_href(page, lang),
                                                       every=mode == "all",
                                                       policy=self._policy)
        if not self._excluded_from_used_on(page):
            ref = PageRef(page.title or page.url, page.url,
                          self._nav_order.get(page.url, len(self._nav_order)))
            self.session.record_usage(lang, ref, result.used)
        if mode != "off":
            self._linked[page.file.src_uri] = result.linked
            if result.html is not html:
                self._annotated[page.file.src_uri] = result.html
        # Material's search plugin indexes page.content in on_page_context: give it the plain
        # HTML (the same text, fewer tags to parse) and swap the annotated one in just after.
        return html

    @event_priority(-50)  # after the search plugin's on_page_context (priority 0)
    def on_page_context(self, context, page, config, nav):
        annotated = self._annotated.pop(page.file.src_uri, None)
        if annotated is not None:
            page.content = annotated
        self._l10n_notice(page, nav)  # after search has read the page: the notice stays out
        self._switch_button(page)  # and so does the button, before the title
        return context

    def _switch_button(self, page) -> None:
        """The reader's switch for term marks, on a page with marks, just before the title
        its content starts with: found in the content, not in the whole finished page."""
        if not self.config.assets or not self._linked.get(page.file.src_uri):
            return
        words = self.session.ui[self._lang(page.file)]
        with_button = add_button(page.content or "", words["switch"], words["switch_on"])
        if with_button is not None:
            page.content = with_button
            self._buttons.add(page.file.src_uri)

    def on_post_page(self, output, page, config):
        output = self._post_page(output, page)
        if self.config.csp and self._command != "serve":
            self._content_scripts.update(inline_scripts(page.content or ""))
            output = add_policy(output, self._content_scripts)
        return output

    def on_post_template(self, output_content, template_name, config):
        """The theme's static pages (404.html) get the policy too; they have no content."""
        if self.config.csp and self._command != "serve" and template_name.endswith(".html"):
            return add_policy(output_content, self._content_scripts)
        return output_content

    def _post_page(self, output: str, page) -> str:
        lang = self._lang(page.file)
        if self.config.keep_particles and lang == "ko":
            output = keep_korean_words(output)
        if not self._has_text(lang):
            return output
        if self._is_glossary_page(page, lang):
            output = fill_used_on(output, lang, self.session.usage[lang],
                                  cache(lambda url: get_relative_url(url, page.url)),
                                  limit=self.config.used_on_limit, table=self.session.ui)
            if self.config.assets:
                output = _add_glossary_page_assets(output, page.url)
            if self.config.structured_data:
                data = defined_term_set(self.session.glossary, lang, self._addresses,
                                        page.title or "")
                output = add_to_head(output, json_ld_script(data))
            output = self._l10n_badges(output, page, lang)
        if not self.config.tooltips:
            return output
        # after the search plugin has read the content: tooltip text stays out of the index
        linked = self._linked.pop(page.file.src_uri, None)
        if linked is None:  # a page the annotator skipped may still hold term() links
            linked = annotated_ids(output)
        rank = self._tooltip_rank(lang)
        tips = tooltips_html(self._tooltip_table(lang), linked, self.session.ui[lang],
                             order=lambda tid: rank.get(tid, len(rank)))
        has_button = page.file.src_uri in self._buttons
        self._buttons.discard(page.file.src_uri)
        if not tips or not self.config.assets:
            return add_to_body_end(output, tips)
        # the reader's switch, on pages with marked terms: its button is in the content
        # already, unless the content has no title of its own (the theme may write one)
        if not has_button:
            words = self.session.ui[lang]
            output = add_button_to_page(output, words["switch"], words["switch_on"])
        return add_to_page(output, head=HEAD_SCRIPT, body_end=tips)

    def _split_search_index(self, config) -> None:
        i18n = config.plugins.get("i18n")
        if not self.config.search_per_language or i18n is None:
            return
        if getattr(i18n, "building", False):  # one of static-i18n's inner builds: not done yet
            return
        prefixes = [str(lang.link) for lang in i18n.config.languages
                    if lang.build and not lang.default]
        try:
            split_search_index(Path(config.site_dir), prefixes)
        except GlossaryError as exc:
            raise PluginError(exc.report()) from None

    # --- the glossary as data (export/) -----------------------------------------------------

    def _add_export_files(self, files: Files, config) -> None:
        """glossary.json, .tbx, .csv as generated files at the site root.

        Here, not in on_files: by now static-i18n has given every page its URL (and each
        glossary page its twins in the other languages), and its on_files, which runs after
        ours, cannot take a file held in memory (it reads every file's source path). It
        rebuilds the site once per language into the same folder, so these files are written
        in each pass, at the root, with the same bytes: nothing in them depends on the pass.
        Each pass needs them in its Files all the same, so that pages can link them.
        """
        known = dict(self._glossary_urls)
        for file in files.documentation_pages():
            if self._source_page(file.src_uri) == self.config.glossary_page:
                # static-i18n's twins of the page in the other languages, with their URLs
                for lang, twin in _alternates(file).items():
                    known.setdefault(lang, twin.url)
        self._addresses = site_addresses(config.site_url, known)
        if not self.config.exports:
            return
        contents = export_files(self.session.glossary, self._addresses, self.config.exports)
        for name, content in contents.items():
            if name in files.src_uris:
                raise PluginError(
                    f"{config.docs_dir}/{name} has the name of a file the glossary plugin "
                    f"writes at the site root. Fix: rename or remove it, or leave its format "
                    f"out of the plugin's exports option.")
            files.append(File.generated(config, name, content=content,
                                        inclusion=InclusionLevel.INCLUDED))

    # --- translations and terminology (l10n/) ---------------------------------------------

    def _l10n_setup(self, config) -> None:
        root = Path(config.config_file_path or ".").parent
        try:
            self.l10n = SiteL10n(root, Path(config.docs_dir), root / self.config.l10n_dir,
                                 self.default_lang, self.langs)
        except GlossaryError as exc:
            raise PluginError(exc.report()) from None

    def _l10n_lint(self, page) -> None:
        """Spellings to avoid: warnings, so `mkdocs build --strict` fails on them."""
        try:
            allow = allowed_spellings(page.meta.get(ALLOW_KEY))
        except ValueError as exc:
            self._problem(f"{self.l10n.page_label(page.file.src_uri)}: {exc}")
            allow = allowed_spellings(None)
        lang = self._lang(page.file)
        if not self._has_text(lang):
            return
        glossary = self.session.glossary
        hits = self.l10n.lint_page(glossary, page.file.src_uri, lang, page.file.content_string,
                                   allow)
        if self._is_glossary_page(page, lang):  # the page that shows the glossary's texts
            hits += self.l10n.lint_glossary(glossary, lang)
        for hit in hits:
            log.warning(str(hit))

    def _source_twin_url(self, page) -> str | None:
        """Relative link to the page's twin in the source language (static-i18n's)."""
        twin = _alternates(page.file).get(self.default_lang)
        return get_relative_url(twin.url, page.url) if twin is not None else None

    def _l10n_notice(self, page, nav) -> None:
        lang = self._lang(page.file)
        if self.l10n.page_outdated(page.file.src_uri, lang):
            source = self._source_page(page.file.src_uri)  # a site without static-i18n
            twin = next((p for p in nav.pages if p.file.src_uri == source), None) if nav else None
            href = self._source_twin_url(page) or get_relative_url(
                twin.url if twin else page.url.removeprefix(f"{lang}/"), page.url)
            page.content = add_notice(page.content or "",
                                      notice_html(lang, self.default_lang, href,
                                                  self.session.ui))

    def _l10n_badges(self, output: str, page, lang: str) -> str:
        outdated = self.l10n.outdated_terms(self.session.glossary, lang)
        return fill_badges(output, lang, self.default_lang, outdated,
                           self._source_twin_url(page), self.session.ui)

    # --- what the CLI reads (site_config.py) ------------------------------------------------

    @property
    def addresses(self) -> SiteAddresses | None:
        """Where the glossary's entries live, as the exports write them; set in on_nav."""
        return self._addresses

    def page_lang(self, file) -> str:
        """The language of a page file, by the plugin's own rule."""
        return self._lang(file)

    # --- helpers ---------------------------------------------------------------------------

    def _lang(self, file) -> str:
        return page_language(file.src_uri, self.default_lang, getattr(file, "locale", None),
                             self.langs)

    def _source_page(self, src_uri: str) -> str:
        return without_language_suffix(src_uri, self.langs)

    def _has_text(self, lang: str) -> bool:
        """Whether the glossary has text in the page's language; a page in another language
        is left alone, with one info line per language and build."""
        if self.session.has_text(lang):
            return True
        if lang not in self._untranslated:
            self._untranslated.add(lang)
            log.info(f"pages in '{lang}' are left unannotated: the glossary has no text in "
                     f"that language (it has {', '.join(self.session.glossary.langs)}).")
        return False

    def _mode(self, page) -> str:
        """The page's `glossary:` front matter, else the site's `annotate` option."""
        value = page.meta.get("glossary", self.config.annotate)
        if isinstance(value, bool):  # YAML reads a bare `off` as false
            value = "first" if value else "off"
        mode = str(value).strip().lower()
        if mode not in ANNOTATE_MODES:
            self._problem(f"{page.file.src_uri}: front matter 'glossary: {value}' is not "
                          f"valid. Fix: use one of {', '.join(ANNOTATE_MODES)}.")
            mode = self.config.annotate
        return mode

    def _warn(self, message: str) -> None:
        """A warning, once per build (static-i18n runs on_config once per language)."""
        if message not in self._said:
            self._said.add(message)
            log.warning(message)

    def _problem(self, message: str) -> None:
        """A page problem: stops a build; while serving, a warning that the banner shows."""
        if not self._serving:
            raise PluginError(message)
        for line in message.splitlines():
            self._warn(line)

    def _glossary_href(self, page, lang: str) -> str:
        """Relative link from the page to its language's glossary page."""
        url = self._glossary_urls.get(lang)
        if url is None:
            raise PluginError(
                f"{page.file.src_uri}: no glossary page in '{lang}' to link terms to. Fix: add "
                f"{self.config.glossary_page} (with {DIRECTIVE}) in that language, "
                "or set the plugin's glossary_page option.")
        return get_relative_url(url, page.url)

    def _is_glossary_page(self, page, lang: str) -> bool:
        return self._glossary_urls.get(lang) == page.url

    def _excluded_from_used_on(self, page) -> bool:
        return self._source_page(page.file.src_uri) in self.config.used_on_exclude

    def _macro_context(self) -> MacroContext:
        page = self._current_page
        if page is None:  # a macro outside a page: its message names no page
            return MacroContext(self.session, "mkdocs.yml", self.default_lang, None)
        lang = self._lang(page.file)
        url = self._glossary_urls.get(lang)
        href = get_relative_url(url, page.url) if url is not None else None
        return MacroContext(self.session, page.file.src_uri, lang, href,
                            self._is_glossary_page(page, lang))

    def _restore_placeholders(self, html: str, page) -> str:
        """The macros' and the glossary directive's HTML in place of their tokens, now that
        Markdown is done with the page (placeholders.py)."""
        held = self.session.placeholders
        if not held.has(html):
            return html
        html, inserted = held.restore(html)
        if page.present_anchor_ids is not None:  # links to the glossary's entries are valid
            page.present_anchor_ids |= anchor_ids(inserted)
        for item in _toc_items(page.toc):  # a term() in a heading: its text, not the token
            item.title = held.restore_text(item.title)
        return html


def config_languages(config) -> tuple[str, ...]:
    """The site's languages: the default one first (static-i18n's default language, else the
    theme's), then the theme's and static-i18n's other built languages."""
    i18n = config.plugins.get("i18n")
    languages = getattr(getattr(i18n, "config", None), "languages", None) or []
    default = next((lang.locale for lang in languages if lang.default), None)
    theme = config.theme
    # a theme without a language of its own (theme: mkdocs has a locale) is in English, as
    # MkDocs has it
    theme_lang = (theme.get("language") or theme.get("locale") if theme else None) or "en"
    built = [lang.locale for lang in languages if getattr(lang, "build", True)]
    return site_languages(default or theme_lang, [theme_lang, *built])


def _alternates(file) -> dict[str, File]:
    """static-i18n's twins of a page by language (en_US counts as en)."""
    alternates = getattr(file, "alternates", None) or {}
    return {normalize_lang(lang): twin for lang, twin in alternates.items()}


def _drop_extension(config) -> None:
    """With the plugin on, the Markdown extension (extension.py) would annotate every page a
    second time: the plugin does all it does, so it leaves the extension out of this build."""
    names = [name for name in config.markdown_extensions
             if isinstance(name, str) and name.split(":")[0] == EXTENSION_NAME]
    for name in names:
        config.markdown_extensions.remove(name)
        config.mdx_configs.pop(name, None)
    if names:
        log.info("%s is left out: the bilingual-glossary plugin annotates the pages itself.",
                 EXTENSION_NAME)


def _toc_items(items) -> Iterator:
    for item in items:
        yield item
        yield from _toc_items(item.children)


def _add_glossary_page_assets(output: str, page_url: str) -> str:
    """The filter script and the page's styles, on the glossary pages only."""
    def url(name: str) -> str:
        return get_relative_url(ASSETS_URL + name, page_url)

    links = "".join(f'<link rel="stylesheet" href="{url(name)}">' for name in GLOSSARY_PAGE_CSS)
    links += GLOSSARY_PAGE_HEAD_SCRIPT
    scripts = "".join(f'<script src="{url(name)}"></script>' for name in GLOSSARY_PAGE_JS)
    return add_to_body_end(add_to_head(output, links), scripts)


def _nested_build(config) -> bool:
    """True inside the builds mkdocs-static-i18n runs for its other languages (from its
    on_post_build): their warnings belong to the build that started them."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))
