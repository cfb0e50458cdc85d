"""Load glossary/*.yml and validate it. Every problem is collected, then raised at once."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bilingual_glossary.data import references
from bilingual_glossary.data.characters import character_problems
from bilingual_glossary.data.errors import GlossaryError, Problem
from bilingual_glossary.data.model import LANGS, Glossary, Term, TermText
from bilingual_glossary.data.names import MAX_WORDS_LENGTH, name_key, words_key
from bilingual_glossary.data.safe_yaml import YamlProblem, load_yaml
from bilingual_glossary.data.sense import parse_sense

TAGS_FILE = "_tags.yml"
ALLOWED_OTHER_FILES = {"README.md"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_PATTERN = re.compile(r"https?://[^\s\"'<>]+")  # whole value (fullmatch); a host too
LANG_CODE = re.compile(r"^[a-z]{2,3}$")  # ko, en, fil: a language section
# besides one section per language of the site
TOP_KEYS = {"part_of", "kind_of", "related", "tags", "docs", "standalone", "inherit_parts"}
LANG_KEYS = {"term", "aliases", "short", "long", "avoid", "docs"}
# which mentions count (matching/exclusions.py): see _mention_fields
TOP_KEYS |= {"action"}
LANG_KEYS |= {"not_after", "not_before", "case_sensitive", "sense"}
# `draft: true` (written by `make glossary-new`): the file is left out until the line goes
DRAFT_KEY = "draft"
REF_FIELDS = ("part_of", "kind_of")


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, field: str, message: str, fix: str) -> None:
        self.problems.append(Problem(file, field, message, fix))


def load_glossary(directory: Path | str, langs: Sequence[str] = LANGS) -> Glossary:
    """The validated glossary in `directory`; raises GlossaryError listing every problem.

    `langs` are the site's languages, its default first: every term needs text in each of
    them and in no other (an English-only site writes only `en:`).
    """
    directory = Path(directory)
    langs = tuple(langs)
    found = _Collector()
    if not directory.is_dir():
        found.add(str(directory), "", "the glossary folder does not exist.",
                  "create it with one <id>.yml file per term.")
        raise GlossaryError(found.problems)

    before = len(found.problems)
    tags = _load_tags(directory, found, langs)
    # a broken _tags.yml is reported once, not again as an unknown tag in every term
    check_tags = len(found.problems) == before
    raw_terms: dict[str, tuple[str, dict[str, Any]]] = {}
    drafts: dict[str, str] = {}  # id -> its warning: a draft is neither shown nor matched
    broken: set[str] = set()  # ids whose file has a problem: not also "unknown" elsewhere
    for path in sorted(directory.iterdir()):
        label = _label(path, directory)
        if path.name == TAGS_FILE or path.name in ALLOWED_OTHER_FILES:
            continue
        if path.is_dir():
            references.report_subfolder(path, label, found)
            continue
        if path.suffix != ".yml":
            found.add(label, "", "is not a term file (only <id>.yml files belong here).",
                      f"rename it to <id>.yml or move it out of {directory.name}/.")
            continue
        if not ID_PATTERN.match(path.stem):
            found.add(label, "id", f"'{path.stem}' is not a valid term id.",
                      "name the file with lowercase letters, digits and single hyphens, "
                      "e.g. worker-node.yml.")
            continue
        data = _read_yaml(path, label, found)
        if data is None:
            broken.add(path.stem)
            continue
        if not isinstance(data, dict):
            found.add(label, "", "must be a mapping with a section per language and the relation "
                      "fields.",
                      "run `make glossary-new ID=<id>` for a template.")
            broken.add(path.stem)
            continue
        if _bad_characters(data, label, found):
            broken.add(path.stem)
            continue
        if DRAFT_KEY in data:
            if data[DRAFT_KEY] is not True:
                found.add(label, DRAFT_KEY, "must be true, or absent.",
                          "delete the `draft:` line to publish the term.")
                broken.add(path.stem)
            else:
                drafts[path.stem] = _draft_warning(path.stem, label, data, tags, langs)
            continue
        raw_terms[path.stem] = (label, data)

    terms = {tid: _build_term(tid, label, data, tags, found, langs, check_tags=check_tags)
             for tid, (label, data) in raw_terms.items()}
    broken |= {tid for tid, t in terms.items() if t is None}
    terms = {tid: t for tid, t in terms.items() if t is not None}
    if tags is None:
        _check_tags_file(terms, directory, found)
    committed = references.committed_names(directory)  # None outside a git checkout
    _check_references(terms, broken, found, directory, committed, set(drafts))
    _check_cycles(terms, found)
    new = None if committed is None else {f"{tid}.yml" for tid in terms} - committed
    _check_duplicate_names(terms, found, langs, new)
    found.problems = references.group_unknown_tags(found.problems, directory.name, TAGS_FILE)
    if found.problems:
        raise GlossaryError(found.problems)
    return Glossary(terms=dict(sorted(terms.items())), tags=tags or {}, langs=langs,
                    drafts=tuple(drafts[tid] for tid in sorted(drafts)))


def _draft_warning(term_id: str, label: str, data: dict[str, Any],
                   tags: dict[str, dict[str, str]] | None, langs: tuple[str, ...]) -> str:
    """One line for a draft: the fields that would fail validation once it is published."""
    unfinished = _Collector()
    body = {key: value for key, value in data.items() if key != DRAFT_KEY}
    _build_term(term_id, label, body, tags, unfinished, langs)
    fields = list(dict.fromkeys(p.field or "(the file)" for p in unfinished.problems))
    if fields:
        state = f"is a draft, not shown or matched; still to fill: {', '.join(fields)}."
        fix = "fill those in, then delete the `draft: true` line to publish the term."
    else:
        state = "is a draft, not shown or matched; every field is filled."
        fix = "delete the `draft: true` line to publish the term."
    return str(Problem(label, DRAFT_KEY, state, fix))


def _label(path: Path, directory: Path) -> str:
    return f"{directory.name}/{path.name}"


def _read_yaml(path: Path, label: str, found: _Collector) -> Any:
    if (problem := references.link_problem(path)) is not None:
        found.add(label, "", *problem)
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        found.add(label, "", "is not UTF-8 text.", "save the file as UTF-8.")
        return None
    except OSError as exc:
        found.add(label, "", f"cannot be read ({exc.strerror}).", "check the file's permissions.")
        return None
    return parse_yaml(text, label, found)


def parse_yaml(text: str, label: str, found: _Collector) -> Any:
    """Parse YAML text within bounds (data/safe_yaml.py); a problem names its line."""
    try:
        data = load_yaml(text)
    except YamlProblem as exc:
        found.add(label, f"line {exc.line}" if exc.line else "", exc.message, exc.fix)
        return None
    if data is None:
        found.add(label, "", "is empty.", "run `make glossary-new ID=<id>` for a template.")
    return data


def _load_tags(directory: Path, found: _Collector,
               langs: tuple[str, ...]) -> dict[str, dict[str, str]] | None:
    """Tag id -> its name in each language; None when the glossary has no tags file (a
    glossary without tags needs none)."""
    path = directory / TAGS_FILE
    label = _label(path, directory)
    if not path.exists():
        return None
    data = _read_yaml(path, label, found)
    if data is None:
        return {}
    if not isinstance(data, dict):
        found.add(label, "", "must map each tag id to its names.",
                  "write e.g. `fundamental: {ko: 기본 개념, en: Fundamentals}`.")
        return {}
    if _bad_characters(data, label, found):
        return {}
    tags: dict[str, dict[str, str]] = {}
    for tag, names in data.items():
        field = str(tag)
        if not (isinstance(tag, str) and ID_PATTERN.match(tag)):
            # the filter script splits data-tags on spaces; a number is read as a number
            found.add(label, field, "is not a valid tag id.",
                      "use lowercase letters, digits and single hyphens (e.g. `workloads`), "
                      "and quote an id made of digits.")
            continue
        if not isinstance(names, dict) or not all(
            isinstance(names.get(lang), str) and names[lang].strip() for lang in langs
        ):
            found.add(label, field, "needs a non-empty name in each language.",
                      f"write `{field}: {{{', '.join(f'{lang}: ...' for lang in langs)}}}`.")
            continue
        # names in languages the site does not have are not read, as in term files
        extra = {k for k in names if k not in langs and not LANG_CODE.match(str(k))}
        if extra:
            found.add(label, field, f"has unknown keys: {', '.join(sorted(map(str, extra)))}.",
                      f"keep only the languages' names ({', '.join(langs)}).")
        tags[field] = {lang: names[lang].strip() for lang in langs}
    return tags


def _build_term(term_id: str, label: str, data: dict[str, Any],
                tags: dict[str, dict[str, str]] | None, found: _Collector,
                langs: tuple[str, ...] = LANGS, check_tags: bool = True) -> Term | None:
    ok = True
    known = TOP_KEYS | set(langs)
    # a section in a language the site does not have is not read (a glossary shared with a
    # site in more languages); anything else unknown is a mistake
    unknown = sorted(str(k) for k in data if k not in known and not LANG_CODE.match(str(k)))
    for key in unknown:
        found.add(label, key, "is not a known field.",
                  f"remove it or use one of: {', '.join(sorted(known))} (the site's "
                  f"languages are {', '.join(langs)}).")
        ok = False
    texts: dict[str, TermText] = {}
    for lang in langs:
        text = _build_text(data.get(lang), lang, label, found)
        if text is None:
            ok = False
        else:
            texts[lang] = text

    refs: dict[str, str | None] = {}
    for field in REF_FIELDS:
        value = data.get(field)
        if value is not None and not isinstance(value, str):
            fix = (f"quote it: `{field}: '{value}'`." if isinstance(value, int | float)
                   and not isinstance(value, bool) else f"write `{field}: node`, say.")
            found.add(label, field, "must be one term id.", fix)
            ok = False
            value = None
        refs[field] = value.strip() if isinstance(value, str) and value.strip() else None

    related = _string_list(data, "related", label, found)
    tag_list = _string_list(data, "tags", label, found)
    if related is None or tag_list is None:
        ok = False
    # without a tags file, terms that name tags are reported together (_check_tags_file)
    for tag in (tag_list or ()) if tags is not None else ():
        if tag not in tags and check_tags:
            found.add(label, "tags", references.UNKNOWN_TAG.format(tag=tag),
                      f"use one of: {', '.join(sorted(tags)) or '(none defined)'}, "
                      f"or add it to glossary/{TAGS_FILE}.")
            ok = False

    docs = data.get("docs")  # a page for every language that names none of its own
    if docs is not None and not (_is_web_address(docs)):
        found.add(label, "docs", "must be an http(s) URL.",
                  "write the full address of the official page, or remove the field.")
        ok = False
    if ok and docs:
        texts = {lang: t if t.docs else replace(t, docs=docs) for lang, t in texts.items()}

    standalone = data.get("standalone")
    if standalone is not None and not (isinstance(standalone, str) and standalone.strip()):
        found.add(label, "standalone", "must give the reason no page uses this term.",
                  "write `standalone: <reason>`, or remove the field.")
        ok = False

    action = data.get("action", False)
    if not isinstance(action, bool):
        found.add(label, "action", "must be true or false.",
                  "write `action: true` if the term names something done (롤백, 롤아웃), "
                  "so that 롤백한다 and 롤아웃된 count; otherwise remove the field.")
        ok = False

    inherit = data.get("inherit_parts", True)
    if not isinstance(inherit, bool):
        found.add(label, "inherit_parts", "must be true or false.", "write `inherit_parts: false`.")
        ok = False

    if not ok:
        return None
    return Term(
        id=term_id, text=texts, part_of=refs["part_of"], kind_of=refs["kind_of"],
        related=tuple(related or ()), tags=tuple(tag_list or ()),
        standalone=standalone.strip() if standalone else None,
        inherit_parts=inherit, source=label, action=action,
    )


def _build_text(section: Any, lang: str, label: str, found: _Collector) -> TermText | None:
    if section is None:
        found.add(label, lang, "is missing: every term needs text in each of the site's "
                  "languages.",
                  f"add a `{lang}:` section with term, aliases and short.")
        return None
    if not isinstance(section, dict):
        found.add(label, lang, "must be a mapping.", f"indent term:, short: ... under `{lang}:`.")
        return None
    ok = True
    for key in sorted(str(k) for k in section if k not in LANG_KEYS):
        found.add(label, f"{lang}.{key}", "is not a known field.",
                  f"remove it or use one of: {', '.join(sorted(LANG_KEYS))}.")
        ok = False
    values: dict[str, str] = {}
    for key in ("term", "short", "long"):
        value = section.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if key != "long":
                what = "is missing" if value is None else "is empty"
                hint = ("write the term's name" if key == "term"
                        else "write one or two plain sentences that define the term")
                found.add(label, f"{lang}.{key}", f"{what}.", f"{hint} in {_lang_name(lang)}.")
                ok = False
            values[key] = ""
        elif not isinstance(value, str):
            found.add(label, f"{lang}.{key}", "must be text.", "quote the value.")
            ok = False
        else:
            values[key] = " ".join(value.split()) if key != "long" else value.strip()
    aliases = _string_list(section, "aliases", label, found, prefix=f"{lang}.")
    avoid = _string_list(section, "avoid", label, found, prefix=f"{lang}.")
    docs = section.get("docs")
    if docs is not None and not (_is_web_address(docs)):
        found.add(label, f"{lang}.docs", "must be an http(s) URL.",
                  f"write the full address of the official page in {_lang_name(lang)}, "
                  "or remove the field.")
        ok = False
    mentions = _mention_fields(section, lang, label, found)
    if aliases is None or avoid is None or mentions is None or not ok:
        return None
    return TermText(term=values["term"], aliases=tuple(aliases), short=values["short"],
                    long=values["long"], avoid=tuple(avoid), docs=docs, **mentions)


def _mention_fields(section: dict[str, Any], lang: str, label: str,
                    found: _Collector) -> dict[str, Any] | None:
    """not_after, not_before and case_sensitive: which mentions of the name count."""
    ok = True
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("not_after", "not_before"):
        words = _string_list(section, key, label, found, prefix=f"{lang}.")
        if words is None:
            ok = False
            continue
        seen: dict[str, str] = {}
        for word in words:
            compared = words_key(word)
            if not compared:
                found.add(label, f"{lang}.{key}", f"'{word}' has no letters to compare.",
                          "write the neighbouring word itself, e.g. `[마이크로, 웹]`.")
                ok = False
            elif len(compared) > MAX_WORDS_LENGTH:
                found.add(label, f"{lang}.{key}",
                          f"'{word}' is longer than {MAX_WORDS_LENGTH} letters; the matcher "
                          "looks only that far from a name.",
                          "keep only the word or two next to the name.")
                ok = False
            elif compared in seen:
                found.add(label, f"{lang}.{key}",
                          f"'{word}' is the same as '{seen[compared]}': spaces, hyphens and "
                          "letter case are ignored when words are compared.",
                          f"list '{seen[compared]}' once.")
                ok = False
            else:
                seen[compared] = word
        lists[key] = tuple(words)
    case_sensitive = section.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        found.add(label, f"{lang}.case_sensitive", "must be true or false.",
                  "write `case_sensitive: true` to link only the names as written (Service, "
                  "not service), or remove the field.")
        ok = False
    aliases = section.get("aliases")
    names = (str(section.get("term", "")), *(map(str, aliases) if isinstance(aliases, list)
                                             else ()))
    sense, problems = parse_sense(section.get("sense"), names, f"{lang}.sense", label)
    found.problems += problems
    if not ok or problems:
        return None
    return {**lists, "case_sensitive": case_sensitive, "sense": sense}


def _string_list(data: dict[str, Any], key: str, label: str, found: _Collector,
                 prefix: str = "") -> list[str] | None:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        found.add(label, prefix + key, "must be a list of non-empty text items.",
                  f"write `{key}: [a, b]`, or `{key}: []` for none.")
        return None
    return [" ".join(v.split()) for v in value]


def _is_web_address(value: Any) -> bool:
    return (isinstance(value, str) and URL_PATTERN.fullmatch(value) is not None
            and bool(urlsplit(value).netloc))


def _bad_characters(data: dict[str, Any], label: str, found: _Collector) -> bool:
    """Characters no output can carry, and invisible ones in names (data/characters.py)."""
    bad = list(character_problems(data))
    for field, message, fix in bad:
        found.add(label, field, message, fix)
    return bool(bad)


def _file(term: Term) -> str:
    return f"{term.id}.yml"


def _lang_name(lang: str) -> str:
    return {"ko": "Korean", "en": "English"}.get(lang, lang)


def _check_tags_file(terms: dict[str, Term], directory: Path, found: _Collector) -> None:
    """A glossary without _tags.yml has no tags: terms that name some are one problem."""
    naming = [f"{t.id} ({', '.join(t.tags)})" for t in terms.values() if t.tags]
    if naming:
        found.add(_label(directory / TAGS_FILE, directory), "",
                  f"is missing, so the glossary has no tags, but {len(naming)} "
                  f"term{'s' if len(naming) > 1 else ''} name{'' if len(naming) > 1 else 's'} "
                  f"tags: {'; '.join(naming)}.",
                  f"list the tags in {directory.name}/{TAGS_FILE} with their names in each "
                  "language, or remove them from the terms.")


def _check_references(terms: dict[str, Term], broken: set[str], found: _Collector,
                      directory: Path, committed: frozenset[str] | None = None,
                      drafts: set[str] = frozenset()) -> None:
    """Every id a term names exists; an id whose own file is broken was reported already.
    An id that is missing is one problem however many files name it (data/references.py)."""
    missing: dict[str, list[tuple[str, str]]] = {}
    for term in terms.values():
        targets = [(field, getattr(term, field)) for field in REF_FIELDS]
        targets += [("related", target) for target in term.related]
        for field, target in targets:
            if target is None or target in broken:
                continue
            if target == term.id:
                if field == "related":
                    found.add(term.source, field, "lists the term itself.", "remove it.")
                else:
                    found.add(term.source, field, "points at the term itself.",
                              "name the enclosing term (part_of) or the broader term (kind_of).")
            elif not ID_PATTERN.match(target):
                found.add(term.source, field, f"'{target}' is not a term id.",
                          references.reference_fix(target))
            elif target not in terms:
                missing.setdefault(target, []).append((term.source, field))
    new_ids = (None if committed is None else
               sorted(tid for tid in terms if f"{tid}.yml" not in committed))
    for target, referrers in missing.items():
        if target in drafts:  # named while still a draft: publish it first, or name another
            draft = f"{directory.name}/{target}.yml"
            for source, field in referrers:
                found.add(source, field, f"'{target}' is a draft ({draft}), not yet published.",
                          f"finish {draft} and delete its `draft: true` line, or name another "
                          "term.")
            continue
        renamed_to = None
        if new_ids and committed is not None and f"{target}.yml" in committed:
            # the file was there at HEAD and is gone; a file new since HEAD may be its new name
            close = difflib.get_close_matches(target, new_ids, n=1, cutoff=0.3)
            renamed_to = close[0] if close else (new_ids[0] if len(new_ids) == 1 else None)
        references.report_missing(target, referrers, sorted(terms), renamed_to, directory.name,
                                  found)


def _check_cycles(terms: dict[str, Term], found: _Collector) -> None:
    """part_of and kind_of together must form a forest: the diagrams walk both."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[tuple[str, str]] = []  # (term id, field followed out of it)

    def visit(term_id: str) -> None:
        state[term_id] = 1
        for field in REF_FIELDS:
            target = getattr(terms[term_id], field)
            if target is None or target not in terms or target == term_id:
                continue
            path.append((term_id, field))
            if state.get(target) == 1:
                _report_cycle(terms, path, target, found)
            elif target not in state:
                visit(target)
            path.pop()
        state[term_id] = 2

    for term_id in terms:
        if term_id not in state:
            visit(term_id)


def _report_cycle(terms: dict[str, Term], path: list[tuple[str, str]], target: str,
                  found: _Collector) -> None:
    ids = [tid for tid, _ in path]
    loop = path[ids.index(target):]
    steps = " → ".join(f"{tid} ({field})" for tid, field in loop) + f" → {target}"
    fields = "/".join(sorted({field for _, field in loop}))
    found.add(terms[target].source, fields, f"forms a cycle: {steps}.",
              "a term cannot sit inside, or be a kind of, itself; remove one link of the cycle.")


def _check_duplicate_names(terms: dict[str, Term], found: _Collector,
                           langs: tuple[str, ...] = LANGS,
                           new: set[str] | None = None) -> None:
    """No two terms share a name under the matcher's own rule (name_key): otherwise which
    term a mention links to would depend on how the author spaced or cased it. In a clash,
    the file that is new since git's HEAD is the one to fix, so the problem is reported there
    (`new` holds file names; None: unknown)."""
    for lang in langs:
        owners: dict[str, tuple[str, str, str]] = {}  # key -> (term id, field, name)
        for term in terms.values():
            seen_here: dict[str, str] = {}  # key -> the name as first written
            text = term.text[lang]
            fields = ["term"] + ["aliases"] * len(text.aliases) + ["avoid"] * len(text.avoid)
            for name, field in zip(text.matched_names, fields, strict=True):
                key = name_key(name)
                field = f"{lang}.{field}"
                if key in seen_here and field.endswith("avoid") and seen_here[key] != name:
                    continue  # 로드밸런싱 to avoid beside 로드 밸런싱: a spacing to lint
                if key in seen_here:
                    first = seen_here[key]
                    what = (f"repeats '{name}'." if first == name else
                            f"'{name}' is the same name as '{first}': names that differ only in "
                            "case, spacing or hyphens are one name, and every spacing is "
                            "matched.")
                    found.add(term.source, field, what, f"list '{first}' once.")
                    continue
                seen_here[key] = name
                owner = owners.get(key)
                if owner is not None and owner[0] != term.id:
                    blamed, other, blamed_field, blamed_name = term, terms[owner[0]], field, name
                    if new is not None and _file(other) in new and _file(term) not in new:
                        blamed, other = other, term
                        blamed_field, blamed_name = owner[1], owner[2]
                    found.add(blamed.source, blamed_field,
                              f"'{blamed_name}' is already a name of '{other.id}' "
                              f"({other.source}); names that differ only in case, "
                              "spaces, hyphens or CamelCase humps are the same name.",
                              "a name can belong to one term only; remove it from one of them.")
                else:
                    owners[key] = (term.id, field, name)
