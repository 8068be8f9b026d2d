"""YAML that remembers where things were written, so content errors can say file:line.

Aliases (``*name``) are refused: no file Handbok reads needs them, and a few hundred bytes of
aliases nested in each other expand to billions of values (a "billion laughs" file), which
would hold the start for a minute and then run out of memory.
"""

from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict[str, Any]):
    """A mapping from a YAML file with the line of the mapping and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class AliasError(yaml.MarkedYAMLError):
    pass


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise AliasError(
                problem="henvisninger med * (YAML-alias) brukes ikke; skriv verdien ut",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)  # type: ignore[no-any-return]

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:
            # A value that looks like a date or a number but is none (2026-02-30, 0x_):
            # PyYAML raises a bare ValueError, which would say neither what nor where.
            what = "en gyldig dato" if node.tag.endswith(":timestamp") else "et gyldig tall"
            raise yaml.constructor.ConstructorError(
                problem=f"«{node.value}» er ikke {what}", problem_mark=node.start_mark
            ) from error


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise DuplicateKeyError(
                problem=f"feltet «{key}» står to ganger", problem_mark=key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(text: str) -> Any:
    """Parse YAML; raises yaml.YAMLError on bad syntax or a value that cannot be read (with a
    problem_mark), and on lists or mappings nested too deep to parse (without one)."""
    try:
        return yaml.load(text, Loader=_Loader)
    except RecursionError as error:  # PyYAML parses nested lists and mappings recursively
        raise yaml.YAMLError("lister eller felt er nøstet for dypt") from error


def error_line(error: yaml.YAMLError, offset: int = 0) -> tuple[int, str]:
    """The 1-based line and a short description of a YAML syntax error."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = (mark.line + 1 if mark is not None else 1) + offset
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return line, str(problem)
