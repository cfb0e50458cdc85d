"""Contributor command line: check, coverage, new."""
