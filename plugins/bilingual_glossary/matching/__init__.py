"""Matching and annotation: finding glossary names in prose and writing the tooltip links."""
