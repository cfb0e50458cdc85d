"""The plugin's typography: a particle stays with the short inline code it follows."""

from __future__ import annotations

from bilingual_glossary.typography import keep_particles_with_code as keep


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
