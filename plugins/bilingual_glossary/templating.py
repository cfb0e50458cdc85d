"""The glossary entry and tooltip markup, from Jinja templates a site may override.

The plugin's own templates are in templates/bilingual-glossary/. A site overrides one by
putting a file of the same name under its theme's `custom_dir`
(overrides/bilingual-glossary/tooltip.html), as Material's plugins allow. Autoescape is on:
every value is escaped unless the code passes it as already-safe HTML (Markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, TemplateError
from markupsafe import Markup

__all__ = ["ENTRY", "TOOLTIP", "Markup", "Templates", "default_templates"]

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
ENTRY = "bilingual-glossary/entry.html"
TOOLTIP = "bilingual-glossary/tooltip.html"


class Templates:
    """The templates of one build: the site's folders first, then the plugin's own."""

    def __init__(self, site_dirs: Sequence[str | Path] = ()) -> None:
        loaders = [FileSystemLoader([str(d) for d in site_dirs])] if site_dirs else []
        loaders.append(FileSystemLoader(str(PACKAGE_TEMPLATES)))
        self.env = Environment(loader=ChoiceLoader(loaders), autoescape=True,
                               trim_blocks=True, lstrip_blocks=True)
        self._compiled: dict = {}

    def render(self, template_name: str, /, **context: object) -> str:
        """The template's output without blank lines (it may sit in a Markdown HTML block).
        A broken site template raises ValueError naming its file, line and the fix."""
        try:
            template = self._compiled.get(template_name)
            if template is None:
                template = self._compiled[template_name] = self.env.get_template(template_name)
            html = template.render(**context)
        except TemplateError as exc:
            where = getattr(exc, "filename", None) or template_name
            line = getattr(exc, "lineno", None)
            raise ValueError(f"{where}{f', line {line}' if line else ''}: {exc.message or exc}. "
                             f"Fix: correct the template, or remove it to use the plugin's "
                             f"own {template_name}.") from None
        return "\n".join(line for line in html.splitlines() if line.strip())


_DEFAULT: list[Templates] = []  # the plugin's own templates, compiled once


def default_templates() -> Templates:
    if not _DEFAULT:
        _DEFAULT.append(Templates())
    return _DEFAULT[0]
