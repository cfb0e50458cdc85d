"""Korean line breaking that CSS alone cannot give: a particle stays with the inline code it
follows (`standalone`에는, `part_of`는).

Inline code must be allowed to break anywhere (overflow-wrap: anywhere, docs/stylesheets/
site.css): a long path or URL is one word, and without that a table of field names is wider
than a phone. But the last letter of the code is then a break point too, and in a narrow table
column Chromium splits `standalone` from 에는. CSS offers no way to take that one break point
away, so each short code and the Hangul right after it are wrapped in one unbreakable
<span class="ko-keep">. Long code (a URL) is left alone: it has to break somewhere.

The plugin applies it to the finished HTML of every Korean page (option `keep_particles`); the
text is unchanged, so search and the glossary annotations see the same words. The plugin's
tooltip stylesheet holds the .ko-keep rule, so another site gets it with the plugin.
"""

from __future__ import annotations

import re

# Longer code than this may need to break inside itself to fit a phone (a URL, a long path).
MAX_KEPT_CODE = 24
# An attribute-free inline <code> (Markdown's `...`), then the Hangul run glued to it.
_CODE_THEN_HANGUL = re.compile(rf"(<code>[^<]{{1,{MAX_KEPT_CODE}}}</code>)([\uac00-\ud7a3]+)")


def keep_particles_with_code(html: str) -> str:
    return _CODE_THEN_HANGUL.sub(r'<span class="ko-keep">\1\2</span>', html)
