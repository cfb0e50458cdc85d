"""mkdocs-macros entry point: term(), hierarchy(), hierarchy_chain(), glossary_page().

Thin: it finds the page language and the glossary URL, then calls the glossary core.
A macro never raises (mkdocs-macros would print a traceback); it records the error and
the hooks adapter stops the build with one clear line.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from glossary.annotate import term_link
from glossary.errors import GlossaryError
from glossary.session import current_session
from site_context import glossary_href, page_lang

from glossary import diagram, page


def define_env(env) -> None:
    glossary_dir = Path(env.conf["config_file_path"]).parent / "glossary"

    def call(name: str, render, *args):
        session = current_session(glossary_dir)
        mk_page = env.page
        lang = page_lang(mk_page)
        try:
            return render(session, lang, glossary_href(mk_page, lang), *args)
        except GlossaryError as exc:
            session.macro_errors.append(f"{mk_page.file.src_uri}: {{{{ {name}(...) }}}}: "
                                        + "; ".join(str(p) for p in exc.problems))
        except (KeyError, TypeError, ValueError) as exc:
            session.macro_errors.append(f"{mk_page.file.src_uri}: {{{{ {name}(...) }}}}: {exc}")
        return ""

    @env.macro
    def term(term_id: str = "", text: str | None = None, *extra) -> str:
        """{{ term('pod') }} or {{ term('pod', '파드들') }}: an annotation written by hand."""
        def render(session, lang, href, term_id, text):
            if extra:
                raise ValueError(f"takes a term id and an optional text, not {2 + len(extra)} "
                                 f"arguments. Fix: write {{{{ term('pod', '파드들') }}}}.")
            if not isinstance(term_id, str) or term_id not in session.glossary:
                raise ValueError(f"unknown term id '{term_id}'. Fix: use the name of a file in "
                                 "glossary/ without .yml, e.g. term('pod').")
            if text is not None and not isinstance(text, str):
                raise ValueError(f"the text of term('{term_id}') must be quoted text. "
                                 f"Fix: write term('{term_id}', '파드들').")
            return term_link(session.glossary, lang, term_id, href, text)
        return call("term", render, term_id, text)

    def _check_call(name: str, extra: tuple, unknown: dict, example: str) -> None:
        """Extra arguments to the diagram macros become one clear message, not a traceback."""
        if extra or unknown:
            given = ", ".join([*map(repr, extra), *sorted(unknown)])
            options = f", {example}" if example else ""
            raise ValueError(f"does not take {given}. Fix: write {name}('cluster'{options}).")

    @env.macro
    def hierarchy(root: str = "", depth: int | None = None, examples: int = 2,
                  compact: bool = False, *extra, **unknown) -> str:
        """{{ hierarchy('cluster') }}, {{ hierarchy('cluster', depth=2, examples=3) }}."""
        def render(session, lang, href):
            _check_call("hierarchy", extra, unknown, "depth=2, examples=3")
            return diagram.hierarchy_svg(session.glossary, root, lang, href, depth=depth,
                                         examples=examples, compact=compact)
        return call("hierarchy", render)

    @env.macro
    def hierarchy_chain(root: str = "", *extra, **unknown) -> str:
        """{{ hierarchy_chain('cluster') }}: Cluster > Node > Pod > Container."""
        def render(session, lang, href):
            _check_call("hierarchy_chain", extra, unknown, "")
            return diagram.chain_svg(session.glossary, root, lang, href)
        return call("hierarchy_chain", render)

    @env.macro
    def glossary_page() -> str:
        return call("glossary_page", lambda s, lang, href, *a: page.glossary_page_html(
            s.glossary, lang))
