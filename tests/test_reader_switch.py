"""The head script of the reader's switch for term marks (tooltips/switch.py), and its contract
with the tooltip script and stylesheet that ship beside it."""

from __future__ import annotations

from bilingual_glossary.tooltips.switch import (
    HEAD_SCRIPT,
    MARKS_CLASS,
    MARKS_OFF_CLASS,
    STORAGE_NAME,
    add_button,
    add_button_to_page,
    add_switch_script,
)
from conftest import ROOT

ASSETS = ROOT / "plugins" / "bilingual_glossary" / "assets"


def test_the_script_goes_just_before_the_end_of_head() -> None:
    page = "<html><head><title>t</title></head><body><p>x</p></body></html>"
    out = add_switch_script(page)
    assert out == f"<html><head><title>t</title>{HEAD_SCRIPT}</head><body><p>x</p></body></html>"
    assert HEAD_SCRIPT.startswith("<script>") and HEAD_SCRIPT.endswith("</script>")


def test_a_page_without_a_head_is_left_alone() -> None:
    fragment = "<p>파드</p>"
    assert add_switch_script(fragment) == fragment


def test_the_head_script_reads_what_the_tooltip_script_writes() -> None:
    """The names are spelled in three files; a rename in one would silently lose the choice."""
    script = (ASSETS / "glossary-tooltip.js").read_text(encoding="utf-8")
    styles = (ASSETS / "glossary-tooltip.css").read_text(encoding="utf-8")
    assert f'var ON_CLASS = "{MARKS_CLASS}";' in script
    assert f'var OFF_CLASS = "{MARKS_OFF_CLASS}";' in script
    assert f'var STORAGE_NAME = "{STORAGE_NAME}";' in script
    assert f".{MARKS_OFF_CLASS} .md-typeset a.glossary-term" in styles
    assert f'"{MARKS_OFF_CLASS}"' in HEAD_SCRIPT and f'"{STORAGE_NAME}"' in HEAD_SCRIPT
    assert "</" not in HEAD_SCRIPT.removesuffix("</script>")  # cannot end the element early


def test_the_button_goes_before_the_first_title_of_the_body() -> None:
    """In the page from the start, so nothing moves when the scripts arrive."""
    page = ("<html><head><h1>not here</h1></head><body><article><a class=edit>e</a>"
            "<h1>파드</h1><h1>again</h1></article></body></html>")
    out = add_button_to_page(page, "용어 <표시>", 'a "title"')
    assert out.count('<button type="button" class="glossary-toggle"') == 1
    assert out.index("glossary-toggle") < out.index("<h1>파드")
    assert out.index("<a class=edit>") < out.index("glossary-toggle")
    assert "용어 &lt;표시&gt;" in out and 'title="a &quot;title&quot;"' in out


def test_in_page_content_the_button_goes_before_its_title() -> None:
    content = '<p>x</p><h1 id="t">파드</h1><p>y</p>'
    out = add_button(content, "a", "b")
    assert out is not None and out.index("glossary-toggle") < out.index("<h1")
    assert out.replace(out[out.index("<button"):out.index("</button>") + 9], "") == content
    assert add_button("<p>no title</p>", "a", "b") is None


def test_a_page_without_a_title_or_a_body_gets_no_button() -> None:
    page = "<html><head></head><body><p>x</p></body></html>"
    assert add_button_to_page(page, "a", "b") == page
    assert add_button_to_page("<h1>a fragment</h1>", "a", "b") == "<h1>a fragment</h1>"
