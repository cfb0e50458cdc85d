"""The one place that adds to a finished page: before </head> and before the last </body>."""

from __future__ import annotations

from bilingual_glossary.html_page import add_to_body_end, add_to_head

PAGE = "<html><head><title>t</title></head><body><pre>&lt;/body&gt; </body></pre></body></html>"


def test_add_to_head_goes_before_the_first_head_end():
    assert add_to_head(PAGE, "<x>").startswith("<html><head><title>t</title><x></head>")


def test_add_to_body_end_goes_before_the_last_body_end():
    assert add_to_body_end(PAGE, "<x>").endswith("</pre><x></body></html>")


def test_a_page_without_the_tag_or_an_empty_fragment_is_unchanged():
    assert add_to_head("<p>no head</p>", "<x>") == "<p>no head</p>"
    assert add_to_body_end("<p>no body</p>", "<x>") == "<p>no body</p>"
    assert add_to_body_end(PAGE, "") == PAGE
