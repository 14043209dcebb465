"""Reading a YAML file that a person edits, keeping line numbers so every error can name its line.

A stored format (a corrections file, a quiz bank) is validated with pydantic after YAML has
built the data; pydantic knows *what* is wrong (``statements.3.speaker``) but not *where*. One
parse gives both: the node tree (with line marks) and the data built from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

Location = Sequence[str | int]
"""A place in the data: keys and list indexes, e.g. ``["statements", 3, "speaker"]``."""


class YamlProblem(Exception):
    """The text is not valid YAML; ``line`` (1-based) where YAML says the problem is."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class YamlDocument:
    """The data of a YAML text and the node tree it was built from (for line numbers)."""

    data: Any
    root: yaml.Node | None

    def node_at(self, location: Location) -> yaml.Node | None:
        """The deepest node along ``location`` (the entry itself when a field is missing)."""
        node = self.root
        for key in location:
            if isinstance(node, yaml.MappingNode):
                found = next((value for name, value in node.value if str(name.value) == str(key)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
                found = node.value[key]
            else:
                found = None
            if found is None:
                break
            node = found
        return node

    def line_of(self, location: Location) -> int:
        """The 1-based line of :meth:`node_at` (line 1 for an empty document)."""
        node = self.node_at(location)
        return node.start_mark.line + 1 if node is not None else 1

    def key_line(self, location: Location) -> int:
        """The line of a mapping's key (``speaker:``), which is where a person looks for the field."""
        *parent, last = location
        node = self.node_at(parent)
        if isinstance(node, yaml.MappingNode):
            for name, _value in node.value:
                if str(name.value) == str(last):
                    return int(name.start_mark.line) + 1
        return self.line_of(location)


def _problem(error: yaml.YAMLError) -> str:
    """What is wrong, in YAML's words, on one line."""
    if isinstance(error, yaml.reader.ReaderError):
        return f"the character U+{error.character:04X} is not allowed in YAML" if isinstance(error.character, int) else str(error)
    problem = getattr(error, "problem", None) or str(error)
    return " ".join(str(problem).split())


def _line(error: yaml.YAMLError, text: str) -> int | None:
    if isinstance(error, yaml.reader.ReaderError):
        return text.count("\n", 0, error.position) + 1
    mark = getattr(error, "problem_mark", None)
    return mark.line + 1 if mark else None


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document (safe loader); YamlProblem with the line on bad YAML."""
    loader: yaml.SafeLoader | None = None
    try:
        loader = yaml.SafeLoader(text)  # reading starts here: a refused character raises already
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        raise YamlProblem(f"not valid YAML: {_problem(error)}", _line(error, text)) from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(data, root)


def yaml_scalar(value: str | int | float | bool | None) -> str:
    """One value as a YAML scalar on one line, quoted only where YAML needs it.

    Text with a line break or any whitespace other than a space (U+2028, tabs) is double-quoted
    with escapes: a plain or single-quoted scalar would fold it over lines.
    """
    needs_escapes = isinstance(value, str) and any(ch.isspace() and ch != " " for ch in value)
    dumped: str = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_style='"' if needs_escapes else None)
    return dumped.removesuffix("\n...\n").removesuffix("\n")
