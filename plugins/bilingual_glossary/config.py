"""The plugin's options, as `plugins: - bilingual-glossary: {...}` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from bilingual_glossary.export.files import FORMATS as EXPORT_FORMATS

ANNOTATE_MODES = ("first", "all", "off")


class PositiveInt(c.Type):
    """A whole number of at least 1."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        value = super().run_validation(value)
        if isinstance(value, bool) or value < 1:
            raise base.ValidationError(f"Expected a whole number of at least 1, got {value!r}.")
        return value


class GlossaryConfig(base.Config):
    # (no `enabled` option of our own: MkDocs' `enabled: false` turns the whole plugin off)
    # false: no annotation and no tooltips (the macros and the glossary page still render, so
    # pages that call them build); `tooltips: !ENV [GLOSSARY_TOOLTIPS, true]` lets a build
    # (the benchmark) switch it from the environment
    tooltips = c.Type(bool, default=True)
    # the folder of <id>.yml term files, relative to mkdocs.yml
    glossary_dir = c.Type(str, default="glossary")
    # link each term's first mention on a page, every mention, or none; a page's front
    # matter `glossary: first|all|off` overrides it
    annotate = c.Choice(ANNOTATE_MODES, default="first")
    # page policy of `annotate: first` (matching/policy.py): at most this many automatic
    # marks in a paragraph, list item or cell (0: no limit), and whether a term is marked
    # inside the section whose heading id is its id
    marks_per_block = c.Type(int, default=3)
    mark_own_section = c.Type(bool, default=False)
    # the page (in docs_dir, default language) that holds <!-- bilingual-glossary --> (or
    # calls {{ glossary_page() }}); its
    # translations are found by suffix (glossary.en.md) or by mkdocs-static-i18n
    glossary_page = c.Type(str, default="glossary.md")
    # how many pages each entry's "used on" list shows before "and N more"
    used_on_limit = PositiveInt(default=10)
    # pages (docs_dir paths, default-language names) left out of "used on" lists
    used_on_exclude = c.ListOfItems(c.Type(str), default=[])
    # add the plugin's tooltip, diagram and glossary-page CSS and JavaScript to the site
    assets = c.Type(bool, default=True)
    # a Content-Security-Policy <meta> on every built page (csp.py): scripts only from the
    # site and the theme's and the plugin's own inline scripts; off by default, as a site's
    # own inline scripts or other hosts would stop working (`mkdocs serve` never gets it)
    csp = c.Type(bool, default=False)
    # on Korean pages, keep a particle on the line of the short inline code it follows
    # (`standalone`에는), and a name with its English name and particle (파드(Pod)에는):
    # breaks CSS cannot take away (typography.py)
    keep_particles = c.Type(bool, default=True)
    # hide the INFO lines mkdocs-macros and static-i18n print on every rebuild (their
    # variables, overrides, the note on relative extra.alternate links); warnings always show
    quiet = c.Type(bool, default=True)
    # with mkdocs-static-i18n: after its last pass, split its shared search index into one per
    # language (search/ for the default, en/search/ ...), so a reader downloads only their own
    # (search_index.py); the theme must load each language's from its root (overrides/main.html)
    search_per_language = c.Type(bool, default=False)
    # the interface words, per language and key, over the plugin's defaults (ui.py):
    # `ui: {en: {lead: "{total} networking terms in A–Z order."}}`
    ui = c.Type(dict, default={})

    # --- the glossary as data (export/) ---
    # files written at the site root: glossary.json (with glossary.schema.json), glossary.tbx,
    # glossary.csv; `exports: []` writes none
    exports = c.ListOfItems(c.Choice(EXPORT_FORMATS), default=list(EXPORT_FORMATS))
    # schema.org DefinedTermSet JSON-LD in the head of each glossary page
    structured_data = c.Type(bool, default=True)

    # --- translations and terminology (l10n/) ---
    # the folder (relative to mkdocs.yml) of lock.json, the fingerprints of the source each
    # translation follows, written by `make l10n-mark`; without it no page shows as outdated
    l10n_dir = c.Type(str, default="l10n")
