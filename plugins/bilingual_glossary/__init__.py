"""The glossary core: plain Python, no MkDocs import.

Modules: model (data types), loader (load and validate), matcher and annotate (tooltips),
diagram (hierarchy SVG), page (glossary page), coverage and cli (contributor tools).
"""

from bilingual_glossary.data.errors import GlossaryError, Problem
from bilingual_glossary.data.loader import load_glossary
from bilingual_glossary.data.model import LANGS, Glossary, Term, TermText

__all__ = ["LANGS", "Glossary", "GlossaryError", "Problem", "Term", "TermText", "load_glossary"]
