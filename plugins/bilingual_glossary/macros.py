"""The page macros: term(), hierarchy(), hierarchy_chain() and glossary_page().

The plugin registers them with mkdocs-macros. A macro never raises (mkdocs-macros would print
a traceback): it records one line naming the page, the macro and the fix, and the plugin stops
the build with it once the page's macros have run.

A macro returns a placeholder token, not its HTML (placeholders.py): Markdown never reads the
HTML, so a term name written in Markdown stays text, and the plugin swaps the HTML in after.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bilingual_glossary.data.errors import GlossaryError
from bilingual_glossary.diagrams import diagram
from bilingual_glossary.glossary_page.directive import DIRECTIVE
from bilingual_glossary.session import BuildSession
from bilingual_glossary.tooltips.markup import term_link


@dataclass(frozen=True)
class MacroContext:
    """What a macro needs to know of the page it is called on."""

    session: BuildSession
    src_uri: str  # for error messages
    lang: str
    # relative link from the page to its language's glossary page; None: there is none
    glossary_href: str | None
    is_glossary_page: bool = False  # the page the plugin's glossary_page option names


def make_macros(context: Callable[[], MacroContext]) -> dict[str, Callable[..., str]]:
    """The four macros; `context()` describes the page being rendered when one is called."""

    def call(name: str, render, block: bool = False) -> str:
        ctx = context()
        try:
            html = render(ctx)
            if html == DIRECTIVE:  # the plugin puts the glossary there (glossary_page/directive)
                return html
            return ctx.session.placeholders.hold(html, block)
        except GlossaryError as exc:
            ctx.session.macro_errors.append(f"{ctx.src_uri}: {{{{ {name}(...) }}}}: "
                                            + "; ".join(str(p) for p in exc.problems))
        except (KeyError, TypeError, ValueError) as exc:
            ctx.session.macro_errors.append(f"{ctx.src_uri}: {{{{ {name}(...) }}}}: {exc}")
        except Exception as exc:  # a fault of ours: still one line, never a traceback
            ctx.session.macro_errors.append(f"{ctx.src_uri}: {{{{ {name}(...) }}}}: "
                                            f"{type(exc).__name__}: {exc}")
        return ""

    def term(term_id: str = "", text: str | None = None, *extra) -> str:
        """{{ term('pod') }} or {{ term('pod', '파드들') }}: an annotation written by hand."""
        def render(ctx: MacroContext) -> str:
            glossary = ctx.session.glossary
            if extra:
                raise ValueError(f"takes a term id and an optional text, not {2 + len(extra)} "
                                 f"arguments. Fix: write {{{{ term('pod', '파드들') }}}}.")
            if not isinstance(term_id, str) or term_id not in glossary:
                raise ValueError(f"unknown term id '{term_id}'. Fix: use the name of a file in "
                                 "the glossary folder without .yml, e.g. term('pod').")
            if text is not None and not isinstance(text, str):
                raise ValueError(f"the text of term('{term_id}') must be quoted text. "
                                 f"Fix: write term('{term_id}', '파드들').")
            return term_link(glossary, ctx.lang, term_id, _href(ctx), text)
        return call("term", render)

    def hierarchy(root: str = "", depth: int | None = None, examples: int = 2,
                  compact: bool = False, *extra, **unknown) -> str:
        """{{ hierarchy('cluster') }}, {{ hierarchy('cluster', depth=2, examples=3) }}."""
        def render(ctx: MacroContext) -> str:
            _check_call("hierarchy", extra, unknown, "depth=2, examples=3")
            return diagram.hierarchy_svg(ctx.session.glossary, root, ctx.lang, _href(ctx),
                                         depth=depth, examples=examples, compact=compact)
        return call("hierarchy", render, block=True)

    def hierarchy_chain(root: str = "", *extra, **unknown) -> str:
        """{{ hierarchy_chain('cluster') }}: Cluster > Node > Pod > Container."""
        def render(ctx: MacroContext) -> str:
            _check_call("hierarchy_chain", extra, unknown, "")
            return diagram.chain_svg(ctx.session.glossary, root, ctx.lang, _href(ctx))
        return call("hierarchy_chain", render, block=True)

    def glossary_page(*extra, **unknown) -> str:
        """{{ glossary_page() }}: every entry, on the page the plugin's glossary_page names."""
        def render(ctx: MacroContext) -> str:
            if extra or unknown:
                raise ValueError("takes no arguments. Fix: write {{ glossary_page() }}.")
            if not ctx.is_glossary_page:
                raise ValueError("belongs on the glossary page only (the plugin's "
                                 "glossary_page option). Fix: link to that page instead.")
            return DIRECTIVE
        return call("glossary_page", render)

    return {"term": term, "hierarchy": hierarchy, "hierarchy_chain": hierarchy_chain,
            "glossary_page": glossary_page}


def _href(ctx: MacroContext) -> str:
    if ctx.glossary_href is None:
        raise ValueError(f"there is no glossary page in '{ctx.lang}' to link to. Fix: add the "
                         "page the plugin's glossary_page option names, in that language.")
    return ctx.glossary_href


def _check_call(name: str, extra: tuple, unknown: dict, example: str) -> None:
    """Extra arguments to the diagram macros become one clear message, not a traceback."""
    if extra or unknown:
        given = ", ".join([*map(repr, extra), *sorted(unknown)])
        options = f", {example}" if example else ""
        raise ValueError(f"does not take {given}. Fix: write {name}('cluster'{options}).")
