"""The glossary page: entries grouped by initial, filter tools and "used on" lists."""
