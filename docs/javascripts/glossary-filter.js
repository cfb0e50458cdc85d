// glossary-filter
