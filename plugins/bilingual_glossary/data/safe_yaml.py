"""YAML from contributors, read within bounds: the one reader for term files, _tags.yml and
page front matter.

PyYAML alone lets a small file do large harm: 50,000 nested brackets overflow the C stack
(libyaml, a segfault that names no file), an alias bomb makes any later repr() or walk of the
data exponential, and a repeated key silently replaces the first one (a second `ko:` drops a
whole language). Here the event stream is read first, without building anything, and the
data is built only when the text is small, shallow, free of aliases and free of repeated keys.
Every refusal is a YamlProblem naming the line and the fix.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

MAX_BYTES = 256 * 1024  # the largest term file is under 5 KB; a page's front matter is smaller
MAX_DEPTH = 20  # a term needs 3 levels (ko: aliases: [..]); front matter about as many
# libyaml's parser where PyYAML was built with it (about 4x faster, same errors)
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class YamlProblem(Exception):
    """Why a text was not read: `line` (1-based) or 0 for the whole text, the message, the fix."""

    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


def load_yaml(text: str, max_depth: int = MAX_DEPTH, max_bytes: int = MAX_BYTES) -> Any:
    """The data in `text`, NFC-normalized, or YamlProblem. Raises nothing else."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise YamlProblem(0, f"is {size:,} bytes, more than the {max_bytes:,} allowed.",
                          "keep it short: a definition is one or two sentences, and longer "
                          "text belongs in a page.")
    # one normalization for every name and text: an NFD 파드 is the same name as 파드
    text = unicodedata.normalize("NFC", text)
    try:
        _check_events(text, max_depth)
        return yaml.load(text, Loader=_StrictLoader)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(text, exc) from None
    except yaml.reader.ReaderError as exc:  # a raw control character, U+FFFE ...
        line = text.count("\n", 0, exc.position) + 1
        raise YamlProblem(line, f"has the character U+{exc.character:04X}, which YAML does "
                          "not allow in a file.", "delete it.") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(0, f"is not valid YAML ({exc.__class__.__name__}).",
                          "check the file's syntax.") from None
    except RecursionError:  # not reached within MAX_DEPTH; kept so nothing escapes as a trace
        raise YamlProblem(0, "is nested too deeply.", "flatten the lists.") from None


def _check_events(text: str, max_depth: int) -> None:
    """Depth and aliases from the event stream: nothing is built, and the walk stops at the
    first level too deep (before libyaml could recurse on a 50,000-deep text)."""
    depth = 0
    for event in yaml.parse(text, Loader=_PARSER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(event.start_mark.line + 1,
                              "uses a YAML anchor or alias (& or *), which this site does not "
                              "read.", "write the value out in full.")
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > max_depth:
                raise YamlProblem(event.start_mark.line + 1,
                                  f"nests lists or mappings more than {max_depth} levels deep.",
                                  "flatten it: a term file needs three levels (ko: aliases: "
                                  "[...]), front matter about as many.")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError) -> YamlProblem:
    fix = "fix the indentation or quoting there; quote text that contains ': ' or '#'."
    mark = exc.problem_mark or exc.context_mark
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        opened: int | None = exc.context_mark.line + 1  # the quote never closes at all
    else:
        opened = _unclosed_quote_line(text, exc.problem_mark.line if exc.problem_mark else None)
    if opened is not None:  # PyYAML reports where the runaway quote finally broke something
        return YamlProblem(opened, "a quoted value starts here and runs on over the next "
                           "lines, so the file cannot be read.",
                           "close the quote on the same line, or remove it.")
    return YamlProblem(mark.line + 1 if mark else 0,
                       f"is not valid YAML ({exc.problem or exc.context}).", fix)


def _unclosed_quote_line(text: str, error_line: int | None) -> int | None:
    """The first line of a quoted value that spans several lines and ends where the error
    is, or None. Term files and front matter keep quoted values on one line."""
    if error_line is None:
        return None
    found = None
    try:
        for token in yaml.scan(text, Loader=_PARSER):
            if (isinstance(token, yaml.ScalarToken) and not token.plain
                    and token.style in ("'", '"')
                    and token.start_mark.line < token.end_mark.line
                    and token.end_mark.line >= error_line - 1):
                found = token.start_mark.line + 1
    except yaml.YAMLError:
        pass
    return found


class _StrictLoader(_PARSER):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a key that appears twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                first = seen.setdefault(key, key_node.start_mark.line + 1)
            except TypeError:  # an unhashable key: the base constructor explains it
                break
            if first != key_node.start_mark.line + 1:
                raise YamlProblem(key_node.start_mark.line + 1,
                                  f"'{key}' appears twice in one mapping (lines {first} and "
                                  f"{key_node.start_mark.line + 1}); YAML would keep only the "
                                  "second.", f"merge the two into one '{key}'.")
        return super().construct_mapping(node, deep=deep)

