"""Load glossary/*.yml and validate it. Every problem is collected, then raised at once."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from bilingual_glossary.data.errors import GlossaryError, Problem
from bilingual_glossary.data.model import LANGS, Glossary, Term, TermText
from bilingual_glossary.data.names import MAX_WORDS_LENGTH, name_key, words_key
from bilingual_glossary.data.sense import parse_sense

TAGS_FILE = "_tags.yml"
ALLOWED_OTHER_FILES = {"README.md"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_PATTERN = re.compile(r"^https?://\S+$")
TOP_KEYS = {*LANGS, "part_of", "kind_of", "related", "tags", "docs", "standalone", "inherit_parts"}
LANG_KEYS = {"term", "aliases", "short", "long", "avoid", "docs"}
# which mentions count (matching/exclusions.py): see _mention_fields
TOP_KEYS |= {"action"}
LANG_KEYS |= {"not_after", "not_before", "case_sensitive", "sense"}
REF_FIELDS = ("part_of", "kind_of")
# libyaml's safe loader where PyYAML was built with it: about 4x faster, same errors
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, field: str, message: str, fix: str) -> None:
        self.problems.append(Problem(file, field, message, fix))


def load_glossary(directory: Path | str) -> Glossary:
    """The validated glossary in `directory`; raises GlossaryError listing every problem."""
    directory = Path(directory)
    found = _Collector()
    if not directory.is_dir():
        found.add(str(directory), "", "the glossary folder does not exist.",
                  "create it with one <id>.yml file per term.")
        raise GlossaryError(found.problems)

    before = len(found.problems)
    tags = _load_tags(directory, found)
    # a broken _tags.yml is reported once, not again as an unknown tag in every term
    check_tags = len(found.problems) == before
    raw_terms: dict[str, tuple[str, dict[str, Any]]] = {}
    broken: set[str] = set()  # ids whose file has a problem: not also "unknown" elsewhere
    for path in sorted(directory.iterdir()):
        label = _label(path, directory)
        if path.name == TAGS_FILE or path.name in ALLOWED_OTHER_FILES or path.is_dir():
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
            found.add(label, "", "must be a mapping with ko:, en: and the relation fields.",
                      "run `make glossary-new ID=<id>` for a template.")
            broken.add(path.stem)
            continue
        raw_terms[path.stem] = (label, data)

    terms = {tid: _build_term(tid, label, data, tags, found, check_tags=check_tags)
             for tid, (label, data) in raw_terms.items()}
    broken |= {tid for tid, t in terms.items() if t is None}
    terms = {tid: t for tid, t in terms.items() if t is not None}
    _check_references(terms, broken, found)
    _check_cycles(terms, found)
    _check_duplicate_names(terms, found)
    if found.problems:
        raise GlossaryError(found.problems)
    return Glossary(terms=dict(sorted(terms.items())), tags=tags)


def _label(path: Path, directory: Path) -> str:
    return f"{directory.name}/{path.name}"


def _read_yaml(path: Path, label: str, found: _Collector) -> Any:
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
    """Parse YAML text; a syntax error becomes a problem naming its line."""
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}" if mark else "YAML"
        found.add(label, line, f"is not valid YAML ({exc.problem or exc.context}).",
                  "fix the indentation or quoting there; quote text that contains ': ' or '#'.")
        return None
    except yaml.YAMLError as exc:
        found.add(label, "", f"is not valid YAML ({exc.__class__.__name__}).",
                  "check the file's syntax.")
        return None
    if data is None:
        found.add(label, "", "is empty.", "run `make glossary-new ID=<id>` for a template.")
    return data


def _load_tags(directory: Path, found: _Collector) -> dict[str, dict[str, str]]:
    path = directory / TAGS_FILE
    label = _label(path, directory)
    if not path.exists():
        found.add(label, "", "is missing.", "list the allowed tags with their ko and en names.")
        return {}
    data = _read_yaml(path, label, found)
    if data is None:
        return {}
    if not isinstance(data, dict):
        found.add(label, "", "must map each tag id to its names.",
                  "write e.g. `fundamental: {ko: 기본 개념, en: Fundamentals}`.")
        return {}
    tags: dict[str, dict[str, str]] = {}
    for tag, names in data.items():
        field = str(tag)
        if not isinstance(names, dict) or not all(
            isinstance(names.get(lang), str) and names[lang].strip() for lang in LANGS
        ):
            found.add(label, field, "needs a non-empty name in each language.",
                      f"write `{field}: {{ko: ..., en: ...}}`.")
            continue
        extra = set(names) - set(LANGS)
        if extra:
            found.add(label, field, f"has unknown keys: {', '.join(sorted(map(str, extra)))}.",
                      "keep only ko and en.")
        tags[field] = {lang: names[lang].strip() for lang in LANGS}
    return tags


def _build_term(term_id: str, label: str, data: dict[str, Any],
                tags: dict[str, dict[str, str]], found: _Collector,
                check_tags: bool = True) -> Term | None:
    ok = True
    unknown = sorted(str(k) for k in data if k not in TOP_KEYS)
    for key in unknown:
        found.add(label, key, "is not a known field.",
                  f"remove it or use one of: {', '.join(sorted(TOP_KEYS))}.")
        ok = False
    texts: dict[str, TermText] = {}
    for lang in LANGS:
        text = _build_text(data.get(lang), lang, label, found)
        if text is None:
            ok = False
        else:
            texts[lang] = text

    refs: dict[str, str | None] = {}
    for field in REF_FIELDS:
        value = data.get(field)
        if value is not None and not isinstance(value, str):
            found.add(label, field, "must be one term id.", f"write `{field}: node`, say.")
            ok = False
            value = None
        refs[field] = value.strip() if isinstance(value, str) and value.strip() else None

    related = _string_list(data, "related", label, found)
    tag_list = _string_list(data, "tags", label, found)
    if related is None or tag_list is None:
        ok = False
    for tag in tag_list or ():
        if tag not in tags and check_tags:
            found.add(label, "tags", f"'{tag}' is not a known tag.",
                      f"use one of: {', '.join(sorted(tags)) or '(none defined)'}, "
                      f"or add it to glossary/{TAGS_FILE}.")
            ok = False

    docs = data.get("docs")  # a page for every language that names none of its own
    if docs is not None and not (isinstance(docs, str) and URL_PATTERN.match(docs)):
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
        found.add(label, lang, "is missing: every term needs both languages.",
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
    if docs is not None and not (isinstance(docs, str) and URL_PATTERN.match(docs)):
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


def _lang_name(lang: str) -> str:
    return {"ko": "Korean", "en": "English"}.get(lang, lang)


def _check_references(terms: dict[str, Term], broken: set[str], found: _Collector) -> None:
    """Every id a term names exists; an id whose own file is broken was reported already."""
    for term in terms.values():
        for field in REF_FIELDS:
            target = getattr(term, field)
            if target is None or target in broken:
                continue
            if target == term.id:
                found.add(term.source, field, "points at the term itself.",
                          "name the enclosing term (part_of) or the broader term (kind_of).")
            elif target not in terms:
                found.add(term.source, field, f"'{target}' is not a term id.",
                          f"use an existing id, or add glossary/{target}.yml.")
        for target in term.related:
            if target in broken:
                continue
            if target not in terms:
                found.add(term.source, "related", f"'{target}' is not a term id.",
                          f"use an existing id, or add glossary/{target}.yml.")
            elif target == term.id:
                found.add(term.source, "related", "lists the term itself.", "remove it.")


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


def _check_duplicate_names(terms: dict[str, Term], found: _Collector) -> None:
    for lang in LANGS:
        owners: dict[str, str] = {}
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
                            "case or spacing are one name, and every spacing is matched.")
                    found.add(term.source, field, what, f"list '{first}' once.")
                    continue
                seen_here[key] = name
                owner = owners.get(key)
                if owner is not None and owner != term.id:
                    found.add(term.source, field,
                              f"'{name}' is already a name of '{owner}' "
                              f"({terms[owner].source}); names that differ only in case or "
                              "spacing are the same name.",
                              "a name can belong to one term only; remove it from one of them.")
                else:
                    owners[key] = term.id
