"""`python -m bilingual_glossary check | coverage | new ID` (also installed as mkdocs-glossary)."""

import sys

from bilingual_glossary.cli.main import main

sys.exit(main())
