"""glossary.tbx: the glossary as a TBX-Basic termbase (TBX v3, ISO 30042:2019, DCA style).

Translation tools (OmegaT, memoQ, Trados, Weblate) read it. One conceptEntry per term; in
each language section the definition, the entry's address on the site and the official page,
then one termSec per name: the term (preferred), each alias (admitted) and each spelling to
avoid (deprecated).
"""

from __future__ import annotations

import re

from bilingual_glossary.data.model import Glossary, Term
from bilingual_glossary.export.addresses import SiteAddresses

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
# The schemas an XML editor validates against, as in the TBX-Basic dialect's own DCA example:
# TBX core structure (RELAX NG) and the TBX-Basic DCA rules (Schematron). Processing
# instructions: no XML parser fetches them (nothing in the build or the tests does).
XML_MODELS = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/'
    'TBXcoreStructV03.rng" type="application/xml"'
    ' schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/'
    'DCA/TBX-Basic_DCA.sch" type="application/xml"'
    ' schematypens="http://purl.oclc.org/dsdl/schematron"?>',
)
# outside XML 1.0's Char production: most C0 controls, lone surrogates, U+FFFE and U+FFFF
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WEB_ADDRESS = re.compile(r"https?://.+")
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"


def xml_text(value: str) -> str:
    """Escape for element text and double-quoted attributes; drop characters XML 1.0 forbids
    (the loader refuses them already: this keeps the file well-formed whatever it is given)."""
    value = _XML_FORBIDDEN.sub("", value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def build_tbx(glossary: Glossary, addresses: SiteAddresses) -> bytes:
    source = (f"Exported from the {'/'.join(glossary.langs)} glossary of "
              "mkdocs-bilingual-glossary")
    if addresses.site_url:
        source += f" at {addresses.site_url}"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        *XML_MODELS,
        f'<tbx type="TBX-Basic" style="dca" xml:lang="{glossary.langs[0]}" xmlns="{NAMESPACE}">',
        "  <tbxHeader>",
        "    <fileDesc>",
        f"      <sourceDesc><p>{xml_text(source + '.')}</p></sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    for term in glossary:
        lines.extend(_concept(term, glossary, addresses))
    lines += ["    </body>", "  </text>", "</tbx>", ""]
    return "\n".join(lines).encode("utf-8")


def _concept(term: Term, glossary: Glossary, addresses: SiteAddresses) -> list[str]:
    lines = [f'      <conceptEntry id="{xml_text(term.id)}">']
    # TBX-Basic has one untyped cross-reference to another entry of the same file
    for target in dict.fromkeys(t for t in (term.part_of, term.kind_of, *term.related) if t):
        if target in glossary:
            lines.append(f'        <ref type="crossReference" target="{xml_text(target)}">'
                         f"{xml_text(glossary[target].name(glossary.langs[0]))}</ref>")
    for lang in glossary.langs:
        text = term.text[lang]
        lines.append(f'        <langSec xml:lang="{lang}">')
        lines.append(f'          <descrip type="definition">{xml_text(text.short)}</descrip>')
        # the entry on the site and the official page; TBX-Basic takes only http(s)
        # addresses as external targets (a relative one has no site to resolve against)
        entry = addresses.entry(term.id, lang)
        links = [url for url in (entry, text.docs) if url and _WEB_ADDRESS.match(url)]
        lines.extend(f'          <xref type="externalCrossReference" target="{xml_text(url)}"'
                     f">{xml_text(url)}</xref>" for url in links)
        names = [(text.term, PREFERRED), *((a, ADMITTED) for a in text.aliases),
                 *((a, DEPRECATED) for a in text.avoid)]
        for name, status in names:
            lines += [
                "          <termSec>",
                f"            <term>{xml_text(name)}</term>",
                '            <termNote type="partOfSpeech">noun</termNote>',
                f'            <termNote type="administrativeStatus">{status}</termNote>',
                "          </termSec>",
            ]
        lines.append("        </langSec>")
    lines.append("      </conceptEntry>")
    return lines
