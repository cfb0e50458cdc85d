"""mkdocs-macros entry point: term(), hierarchy(), hierarchy_chain(), glossary_page().

Thin: it finds the page language and the glossary URL, then calls the glossary core.
A macro never raises (mkdocs-macros would print a traceback); it records the error and
the hooks adapter stops the build with one clear line.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from glossary import diagram, page  # noqa: E402
from glossary.annotate import term_link  # noqa: E402
from glossary.errors import GlossaryError  # noqa: E402
from glossary.session import current_session  # noqa: E402
from site_context import glossary_href, page_lang  # noqa: E402


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
    def term(term_id: str, text: str | None = None) -> str:
        def render(session, lang, href, term_id, text):
            if term_id not in session.glossary:
                raise KeyError(f"unknown term id '{term_id}'; use an id from glossary/*.yml")
            return term_link(session.glossary, lang, term_id, href, text)
        return call("term", render, term_id, text)

    @env.macro
    def hierarchy(root: str, depth: int | None = None, examples: int = 2) -> str:
        return call("hierarchy", lambda s, lang, href, *a: diagram.hierarchy_svg(
            s.glossary, root, lang, href, depth=depth, examples=examples))

    @env.macro
    def hierarchy_chain(root: str) -> str:
        return call("hierarchy_chain", lambda s, lang, href, *a: diagram.chain_svg(
            s.glossary, root, lang, href))

    @env.macro
    def glossary_page() -> str:
        return call("glossary_page", lambda s, lang, href, *a: page.glossary_page_html(
            s.glossary, lang))
