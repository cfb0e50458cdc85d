"""`python -m glossary check|coverage|new ID` (PYTHONPATH=plugins; the Makefile sets it)."""

import sys

from glossary.cli import main

sys.exit(main())
