// glossary-tooltip
