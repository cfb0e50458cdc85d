"""Where the plugin adds to a finished page: just before </head>, or just before </body>."""

from __future__ import annotations


def add_to_head(html: str, fragment: str) -> str:
    """`fragment` just before the first </head>; the page unchanged if it has no head."""
    head, end, rest = html.partition("</head>")
    return f"{head}{fragment}{end}{rest}" if end and fragment else html


def add_to_body_end(html: str, fragment: str) -> str:
    """`fragment` just before the last </body> (a page may quote an earlier one in code);
    the page unchanged if it has no body end."""
    body, end, tail = html.rpartition("</body>")
    return f"{body}{fragment}{end}{tail}" if end and fragment else html
