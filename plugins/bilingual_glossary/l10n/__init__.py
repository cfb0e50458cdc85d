"""Keeping the two languages and the terminology in sync (issue 12).

- markdown: which lines and characters of a page's source are prose, code or markup
- record: fingerprints of the source each translation was made from, and snapshots of it
- freshness: which translations are behind their source, with a diff of what changed
- structure: twin pages must share heading ids, code blocks, internal links and macros
- terminology: spellings the glossary marks to avoid, found in prose
- site: the outdated notice and badge on built pages
- cli: `python -m bilingual_glossary l10n | l10n-mark`

Plain Python: only plugin.py turns these into MkDocs events.
"""
