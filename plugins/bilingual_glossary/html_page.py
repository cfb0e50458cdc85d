"""Where the plugin adds to a finished page: just before </head>, or just before </body>."""

from __future__ import annotations


def add_to_page(html: str, head: str = "", body_end: str = "") -> str:
    """`head` just before the first </head> and `body_end` just before the last </body> (a
    page may quote an earlier one in code), in one copy of the page: each copy of a page
    costs as much as a search of it. A missing tag or an empty fragment adds nothing there."""
    inserts = []
    if head and (at := html.find("</head>")) >= 0:
        inserts.append((at, head))
    if body_end and (at := html.rfind("</body>")) >= 0:
        inserts.append((at, body_end))
    if not inserts:
        return html
    parts: list[str] = []
    copied = 0
    for at, fragment in sorted(inserts, key=lambda insert: insert[0]):
        parts += (html[copied:at], fragment)
        copied = at
    parts.append(html[copied:])
    return "".join(parts)


def add_to_head(html: str, fragment: str) -> str:
    """`fragment` just before the first </head>; the page unchanged if it has no head."""
    return add_to_page(html, head=fragment)


def add_to_body_end(html: str, fragment: str) -> str:
    """`fragment` just before the last </body>; the page unchanged if it has no body end."""
    return add_to_page(html, body_end=fragment)
