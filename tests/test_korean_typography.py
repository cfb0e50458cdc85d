"""The plugin's typography: a particle stays with the short inline code it follows."""

from __future__ import annotations

from bilingual_glossary.typography import _keep_glosses, keep_glosses, keep_korean_words
from bilingual_glossary.typography import keep_particles_with_code as keep
from hypothesis import given
from hypothesis import strategies as st


def test_short_code_and_its_particle_become_one_unit() -> None:
    assert keep("<p><code>standalone</code>에는 어느 페이지</p>") == (
        '<p><span class="ko-keep"><code>standalone</code>에는</span> 어느 페이지</p>')
    assert keep("<td><code>[]</code>이면 <code>json</code>을</td>") == (
        '<td><span class="ko-keep"><code>[]</code>이면</span> '
        '<span class="ko-keep"><code>json</code>을</span></td>')


def test_everything_else_is_left_alone() -> None:
    untouched = [
        "<code>part_of</code> 아래",  # a space: already a place to break
        "<code>https://kubernetes.io/ko/docs/...</code>를",  # long: must be able to break
        '<code class="x">pod</code>를',  # not Markdown's inline code
        "<code>pod</code>(Pod)",  # no Hangul after it
        "<pre><code>a\n</code></pre>가",
    ]
    for html in untouched:
        assert keep(html) == html


# --- a Korean name and its English name (keep_glosses) -------------------------------------

UNIT = '<span class="ko-gloss">{}<span class="ko-keep">{}</span></span>'


def test_a_name_its_english_name_and_particle_become_one_unit() -> None:
    assert keep_glosses("<p>작은 파드(Pod)는 크다</p>") == (
        f"<p>작은 {UNIT.format('파드', '(Pod)는')} 크다</p>")
    linked = '<a class="glossary-term" href="../glossary/#service">서비스</a>'
    assert keep_glosses(f"<li>{linked}(Service)에는 <em>노드</em>(Node)</li>") == (
        f"<li>{UNIT.format(linked, '(Service)에는')} "
        f"{UNIT.format('<em>노드</em>', '(Node)')}</li>")


def test_a_linked_name_of_several_words_keeps_its_last_word_with_the_gloss() -> None:
    linked = '<a href="#x">클라우드 컨트롤러 매니저</a>'
    assert keep_glosses(f"<p>{linked}(cloud-controller-manager)는</p>") == (
        f'<p>{linked}<span class="ko-keep">\u2060(cloud-controller-manager)는</span></p>')


def test_glosses_in_code_attributes_and_the_head_are_left_alone() -> None:
    untouched = [
        '<head><title>파드(Pod)</title><meta name="description" content="파드(Pod)는"></head>',
        "<pre><code>파드(Pod)는\n</code></pre>",
        "<code>노드(Node)</code>",
        "<script>var a = '파드(Pod)';</script>",
        "<p>f(x)와 가(1) 파드 (Pod)</p>",  # no name right before the bracket, not English
        "<p><code>pod</code>(Pod)</p>",  # code is not a Korean name
    ]
    for html in untouched:
        assert keep_glosses(html) == html


def test_the_plugin_step_keeps_both_kinds_of_unit() -> None:
    assert keep_korean_words("<p><code>pod</code>를 파드(Pod)로</p>") == (
        f'<p><span class="ko-keep"><code>pod</code>를</span> {UNIT.format("파드", "(Pod)로")}</p>')


_PIECES = st.sampled_from(["서비스", "파드", "(Service)", "(Pod)에는", "(파)", " ", "(", ")", "e",
                           "<a href=x>", "</a>", "<em>", "</EM>", "<code>", "</code>",
                           "<script>", "</script>", "=>(e", "클라우드 컨트롤러 매니저"])


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_the_quick_search_skips_only_pages_without_a_unit(html: str) -> None:
    """A page the quick search passes over is one the full reading leaves unchanged."""
    assert keep_glosses(html) == _keep_glosses(html)
