"""Tooltips: the markup of annotations and tooltip bodies, and the reader's switch for them."""
