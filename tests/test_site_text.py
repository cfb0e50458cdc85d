"""Issue 19 item 6: every interface word in one table a site overrides with `ui:`, defaults
that name no subject, and entry and tooltip markup from templates a site's custom_dir
overrides (autoescaped)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bilingual_glossary.glossary_page.page import glossary_page_html
from bilingual_glossary.templating import ENTRY, TOOLTIP, Templates
from bilingual_glossary.tooltips.markup import tooltip_table, tooltips_html
from bilingual_glossary.ui import DEFAULTS, placeholders, ui_table
from factory import TAGS, term_yaml
from mkdocs.exceptions import PluginError
from plugin_harness import configure, write_project
from test_matcher import make_glossary

CONFIG = """\
site_name: Networking notes
theme:
  name: mkdocs
  language: en
  custom_dir: overrides
plugins:
  - macros
  - bilingual-glossary:
      glossary_dir: terms
      exports: []
      structured_data: false
{ui}
nav: [index.md, glossary.md]
"""
PAGES = {"index.md": "# Home\n\nA Pod runs on a node.\n",
         "glossary.md": "# Terms\n\n{{ glossary_page() }}\n"}
TERMS = {"_tags.yml": TAGS, "pod.yml": term_yaml("파드", "Pod"),
         "node.yml": term_yaml("노드", "Node")}


def project(tmp_path: Path, ui: str = "", templates: dict[str, str] | None = None) -> Path:
    config = write_project(tmp_path, CONFIG.replace("{ui}", ui), PAGES, TERMS,
                           glossary_dir="terms")
    (tmp_path / "overrides").mkdir(exist_ok=True)
    for name, text in (templates or {}).items():
        path = tmp_path / "overrides" / "bilingual-glossary" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return config


def test_defaults_name_no_subject_and_both_languages_have_every_key() -> None:
    assert set(DEFAULTS["ko"]) == set(DEFAULTS["en"])
    for lang, texts in DEFAULTS.items():
        for key, text in texts.items():
            assert not re.search(r"kubernetes|쿠버네티스|k8s", text, re.I), (lang, key)
            assert placeholders(text) == placeholders(DEFAULTS["en"][key]), (lang, key)
    assert DEFAULTS["en"]["lead"].format(total=2) == (
        "2 terms in A–Z order. Type a name in either language to narrow the list.")


def test_a_site_overrides_texts_per_language() -> None:
    table = ui_table({"en": {"lead": "{total} networking terms."}, "ko": {"tip_close": "닫기 ✕"}})
    assert table["en"]["lead"] == "{total} networking terms."
    assert table["ko"]["tip_close"] == "닫기 ✕"
    assert table["en"]["tip_close"] == DEFAULTS["en"]["tip_close"]
    assert DEFAULTS["en"]["lead"] != table["en"]["lead"]  # the defaults stay as they were


@pytest.mark.parametrize(("overrides", "message"), [
    ({"fr": {"lead": "x"}}, "ui.fr: no such language. Fix: use one of en, ko."),
    ({"en": {"leed": "x"}}, "ui.en.leed: no such text. Fix: use one of "),
    ({"en": {"lead": 3}}, "ui.en.lead: expected text, got int. Fix: quote it."),
    ({"en": {"lead": "{count} terms"}},
     "ui.en.lead: unknown placeholder {count}. Fix: use {total} here."),
    ({"en": {"lead": "{total terms"}}, "ui.en.lead: "),
    ({"en": "x"}, "ui.en: expected key: text pairs"),
    (["x"], "ui: expected languages with their texts"),
])
def test_a_wrong_override_is_one_clear_message(overrides: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        ui_table(overrides)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_the_built_site_uses_the_overrides(tmp_path: Path) -> None:
    site = configure(project(tmp_path, ui="      ui:\n        en:\n"
                                          "          lead: '{total} networking terms.'\n"
                                          "          print_terms: 'Words used here'\n"
                                          "          tip_open: 'See the entry'\n"))
    _, glossary = site.render("glossary.md")
    assert "2 networking terms." in glossary
    assert "Kubernetes" not in glossary
    _, home = site.render("index.md")
    assert '<h2 class="glossary-tips__heading">Words used here</h2>' in home
    assert 'data-open="See the entry"' in home


def test_a_wrong_ui_option_stops_the_build_with_its_message(tmp_path: Path) -> None:
    with pytest.raises(PluginError) as info:
        configure(project(tmp_path, ui="      ui: {en: {leed: x}}\n"))
    assert "plugins.bilingual-glossary.ui.en.leed: no such text" in str(info.value)


def test_custom_dir_overrides_the_tooltip_and_entry_templates(tmp_path: Path) -> None:
    site = configure(project(tmp_path, templates={
        "tooltip.html": '<div class="glossary-tip my-tip" id="{{ tip_id }}" role="tooltip" '
                        'hidden>{{ short }} — {{ name }}</div>',
        "entry.html": '<article class="glossary-entry my-entry" data-term="{{ id }}" '
                      "data-names='{{ names }}'><h3 id=\"{{ id }}\">{{ name }}</h3>"
                      "<p>{{ short }}</p></article>",
    }))
    _, home = site.render("index.md")
    assert '<div class="glossary-tip my-tip" id="glossary-tip-pod" role="tooltip" hidden>' \
           "Definition of Pod. — Pod</div>" in home
    _, glossary = site.render("glossary.md")
    assert glossary.count('class="glossary-entry my-entry"') == 2
    assert "data-names='[\"Pod\"" in glossary


def test_a_broken_site_template_names_its_file_and_line(tmp_path: Path) -> None:
    site = configure(project(tmp_path, templates={"tooltip.html": "<div>\n{% if %}</div>"}))
    with pytest.raises(PluginError) as info:
        site.render("index.md")  # the first page with a tooltip
    message = str(info.value)
    assert "bilingual-glossary/tooltip.html, line 2:" in message
    assert "Fix: correct the template" in message


def test_templates_escape_every_value(tmp_path: Path) -> None:
    folder = tmp_path / "bilingual-glossary"
    folder.mkdir()
    (folder / "tooltip.html").write_text(
        '<div id="{{ tip_id }}" role="tooltip" hidden>{{ name }}|{{ short }}</div>',
        encoding="utf-8")
    templates = Templates([tmp_path])
    html = templates.render(TOOLTIP, tip_id='x"><script>', name="<b>", short="{{ 7*7 }}")
    assert html == ('<div id="x&#34;&gt;&lt;script&gt;" role="tooltip" hidden>'
                    "&lt;b&gt;|{{ 7*7 }}</div>")
    # the plugin's own templates are what a site without overrides gets
    assert Templates().env.get_template(ENTRY).filename.endswith("bilingual-glossary/entry.html")


def test_tooltips_and_entries_come_from_the_plugins_templates_by_default() -> None:
    glossary = make_glossary()
    tips = tooltips_html(tooltip_table(glossary, "ko"), {"pod"}, DEFAULTS["ko"])
    assert '<div class="glossary-tip" id="glossary-tip-pod" role="tooltip" hidden>' in tips
    assert 'data-close="닫기"' in tips and 'data-open="용어집에서 보기"' in tips
    page = glossary_page_html(glossary, "ko")
    assert page.count('<details class="glossary-entry-more">') >= 1
    assert "\n\n" not in page
