"""Words of the glossary page's interface: the plugin's one table (ui.py), by language."""

from __future__ import annotations

from bilingual_glossary.ui import DEFAULTS as UI

__all__ = ["OTHER_LANG", "UI"]

# The other language whose name each page shows next to the term.
OTHER_LANG = {"ko": "en", "en": "ko"}
