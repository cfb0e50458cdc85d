"""The glossary core: plain Python, no MkDocs import.

Modules: model (data types), loader (load and validate), matcher and annotate (tooltips),
diagram (hierarchy SVG), page (glossary page), coverage and cli (contributor tools).
"""

from glossary.errors import GlossaryError, Problem
from glossary.loader import load_glossary
from glossary.model import LANGS, Glossary, Term, TermText

__all__ = ["LANGS", "Glossary", "GlossaryError", "Problem", "Term", "TermText", "load_glossary"]
