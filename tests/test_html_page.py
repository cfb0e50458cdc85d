"""The one place that adds to a finished page: before </head> and before the last </body>."""

from __future__ import annotations

from bilingual_glossary.html_page import add_to_body_end, add_to_head, add_to_page
from hypothesis import given
from hypothesis import strategies as st

PAGE = "<html><head><title>t</title></head><body><pre>&lt;/body&gt; </body></pre></body></html>"


def test_add_to_head_goes_before_the_first_head_end():
    assert add_to_head(PAGE, "<x>").startswith("<html><head><title>t</title><x></head>")


def test_add_to_body_end_goes_before_the_last_body_end():
    assert add_to_body_end(PAGE, "<x>").endswith("</pre><x></body></html>")


def test_a_page_without_the_tag_or_an_empty_fragment_is_unchanged():
    assert add_to_head("<p>no head</p>", "<x>") == "<p>no head</p>"
    assert add_to_body_end("<p>no body</p>", "<x>") == "<p>no body</p>"
    assert add_to_body_end(PAGE, "") == PAGE


def _one_after_the_other(page: str, head: str, body_end: str) -> str:
    """The rule in its plainest form: a partition at the first </head>, then one at the last
    </body> of the result."""
    before, end, rest = page.partition("</head>")
    if end and head:
        page = before + head + end + rest
    before, end, rest = page.rpartition("</body>")
    return before + body_end + end + rest if end and body_end else page


_PIECES = st.sampled_from(["<", ">", "/", " ", "x", "파", "</head>", "</body>", "<head>"])
_FRAGMENTS = st.text(alphabet="<x파 ", max_size=4).filter(lambda f: "</" not in f)


@given(st.lists(_PIECES, max_size=12).map("".join), _FRAGMENTS, _FRAGMENTS)
def test_both_fragments_in_one_copy_read_as_one_after_the_other(page, head, body_end):
    assert add_to_page(page, head, body_end) == _one_after_the_other(page, head, body_end)
    assert add_to_page(PAGE, "<h>", "<b>") == _one_after_the_other(PAGE, "<h>", "<b>")
