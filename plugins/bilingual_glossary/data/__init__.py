"""Data and validation: the term model, the YAML loader, name rules and error reports."""
