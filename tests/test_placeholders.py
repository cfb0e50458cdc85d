"""Placeholder tokens: what Markdown sees of macro output, and how the HTML comes back."""

from __future__ import annotations

import markdown
from bilingual_glossary.placeholders import Placeholders, anchor_ids

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]


def test_markdown_leaves_tokens_alone_and_the_html_comes_back_unread():
    held = Placeholders()
    link = held.hold('<a href="#x">*x*{: onclick=alert(1) }</a>')
    figure = held.hold("<figure>[y](javascript:alert(2))</figure>", block=True)
    assert link.isalnum() and figure.isalnum()
    html = markdown.markdown(f"Text {link}는 끝.\n\n{figure}\n\n- {figure}\n",
                             extensions=EXTENSIONS)
    restored, inserted = held.restore(html)
    assert restored == ('<p>Text <a href="#x">*x*{: onclick=alert(1) }</a>는 끝.</p>\n'
                        "<figure>[y](javascript:alert(2))</figure>\n"
                        "<ul>\n<li><figure>[y](javascript:alert(2))</figure></li>\n</ul>")
    assert inserted.count("<figure>") == 2


def test_tokens_do_not_run_into_each_other_or_other_builds():
    held = Placeholders()
    tokens = [held.hold(f"<i>{n}</i>") for n in range(12)]
    # the first token followed by a digit is still the first token, not the eleventh
    assert held.restore(tokens[1] + "0")[0] == "<i>1</i>0"
    other = Placeholders().hold("<b>other</b>")
    assert held.restore(other)[0] == other  # another build's token is not ours to fill


def test_anchor_ids_and_table_of_contents_text():
    held = Placeholders()
    token = held.hold('<a class="glossary-term" href="#pod">&lt;파드&gt;</a>')
    assert held.restore_text(f"{token} 개요") == "&lt;파드&gt; 개요"
    assert anchor_ids('<div id="pod"><a name="old"></a><h3 id="node">x</h3></div>') == {
        "pod", "old", "node"}
