"""The glossary as data: glossary.json, glossary.tbx, glossary.csv and schema.org JSON-LD.

Plain Python (no MkDocs import): the plugin adds the files to a build, and the CLI's `export`
command writes the same bytes without building. Every output depends only on the glossary and
on where its entries live (SiteAddresses), never on the date or on the language being built,
so both language passes of mkdocs-static-i18n and the CLI produce identical files.
"""
