"""Loading quiz banks: YAML in, a validated QuizBank out, or one QuizError naming the place.

The error names the file, the line, the question id and the field, e.g.::

    exercises/article.yml:42: question 'who-republished': options.1.feedback: Field required
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import ValidationError

from medialit.article import Article
from medialit.errors import ArticleError, QuizError
from medialit.ingest import load_article
from medialit.quiz.model import SCHEMA_VERSION, FindInText, QuestionType, QuizBank
from medialit.textfile import UnreadableFile, read_utf8_text

MAX_BYTES: Final = 1_000_000
BANK_SUFFIXES: Final = (".yml", ".yaml")


def _read(path: Path) -> str:
    try:
        return read_utf8_text(path, max_bytes=MAX_BYTES, kind="a quiz bank")
    except UnreadableFile as problem:
        raise QuizError(path, problem.message, line=problem.line) from None


def _node_at(root: yaml.Node, path: Sequence[str | int]) -> yaml.Node:
    """The deepest YAML node along ``path`` (for its line number)."""
    node = root
    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = next((value for k, value in node.value if str(k.value) == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            match = node.value[key]
        else:
            match = None
        if match is None:
            break
        node = match
    return node


def _data_path(data: Any, loc: Sequence[str | int]) -> list[str | int]:
    """Pydantic's error location as a path in the YAML data (without union tags)."""
    path: list[str | int] = []
    current = data
    for key in loc:
        if isinstance(current, dict):
            if key in current:
                current = current[key]
            elif key == current.get("type"):
                continue  # the discriminated union's tag, not a key in the file
            else:
                path.append(key)
                break
        elif isinstance(current, list) and isinstance(key, int) and key < len(current):
            current = current[key]
        else:
            path.append(key)
            break
        path.append(key)
    return path


def _question_id(data: Any, path: Sequence[str | int]) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        question = data["questions"][path[1]]
        question_id = question.get("id") if isinstance(question, dict) else None
        if isinstance(question_id, str):
            return question_id
        return f"#{path[1] + 1}"
    return None


def _field_name(path: Sequence[str | int]) -> str | None:
    inner = path[2:] if len(path) >= 2 and path[0] == "questions" else path
    return ".".join(str(part) for part in inner) or None


def _error(path: Path, root: yaml.Node, data: Any, loc: Sequence[str | int], message: str) -> QuizError:
    data_path = _data_path(data, loc)
    line = _node_at(root, data_path).start_mark.line + 1
    return QuizError(path, message, line=line, question=_question_id(data, data_path), field=_field_name(data_path))


def _paragraph_refs(bank: QuizBank) -> Iterator[tuple[list[str | int], int]]:
    """(location in the file, paragraph number) for every paragraph a question cites."""
    for index, question in enumerate(bank.questions):
        for position, n in enumerate(question.paragraphs):
            yield ["questions", index, "paragraphs", position], n
        if isinstance(question, FindInText):
            for field in ("answer", "candidates"):
                for position, n in enumerate(getattr(question, field)):
                    yield ["questions", index, field, position], n
            for n in question.feedback:
                yield ["questions", index, "feedback", n], n


def _validation_error(path: Path, root: yaml.Node, data: Any, error: ValidationError) -> QuizError:
    """The first problem, worded for a person; a misspelt field is reported before the missing one it causes."""
    problems = sorted(error.errors(), key=lambda problem: problem["type"] != "extra_forbidden")
    first = problems[0]
    loc = list(first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "union_tag_invalid":
        loc.append("type")
        message = f"unknown question type {first['input'].get('type')!r}; expected one of: {', '.join(QuestionType)}"
    elif first["type"] == "union_tag_not_found":
        loc.append("type")
        message = f"no question type; expected one of: {', '.join(QuestionType)}"
    others = len(problems) - 1
    if others:
        message += f" (and {others} more problem{'s' * (others != 1)})"
    return _error(path, root, data, loc, message)


def _yaml_problem(error: yaml.YAMLError) -> str:
    """What is wrong, in YAML's words, on one line."""
    if isinstance(error, yaml.reader.ReaderError):
        return f"the character U+{error.character:04X} is not allowed in YAML" if isinstance(error.character, int) else str(error)
    problem = getattr(error, "problem", None) or str(error)
    return " ".join(str(problem).split())


def _yaml_line(error: yaml.YAMLError, text: str) -> int | None:
    """The line of the problem (1-based), as YAML reports it or, for a refused character, counted in the text."""
    if isinstance(error, yaml.reader.ReaderError):
        return text.count("\n", 0, error.position) + 1
    mark = getattr(error, "problem_mark", None)
    return mark.line + 1 if mark else None


def load_bank(path: Path | str) -> QuizBank:
    """Read, parse and validate one quiz bank; QuizError on the first problem found."""
    return load_bank_with_article(path)[0]


def load_bank_with_article(path: Path | str) -> tuple[QuizBank, Article]:
    """The bank and the article it cites (read once: validation needs it to check paragraph numbers)."""
    path = Path(path)
    text = _read(path)
    loader: yaml.SafeLoader | None = None
    try:
        # One parse: the node tree gives line numbers for errors, the data built from it is validated.
        loader = yaml.SafeLoader(text)  # reading starts here: a control character is refused already
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        raise QuizError(path, f"not valid YAML: {_yaml_problem(error)}", line=_yaml_line(error, text)) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None or not isinstance(data, dict):
        raise QuizError(path, "a quiz bank must be a YAML mapping with schema_version, id, title and questions", line=1)

    version = data.get("schema_version")
    if version is None:
        raise QuizError(path, f"no schema_version (this medialit reads version {SCHEMA_VERSION})", line=1)
    if isinstance(version, int) and not isinstance(version, bool) and version != SCHEMA_VERSION:
        age = "newer" if version > SCHEMA_VERSION else "older"
        raise _error(
            path, root, data, ["schema_version"], f"version {version} is {age} than this medialit reads ({SCHEMA_VERSION})"
        )

    try:
        bank = QuizBank.model_validate(data)
    except ValidationError as error:
        raise _validation_error(path, root, data, error) from None

    article_path = (path.parent / bank.article).resolve()
    try:
        article = load_article(article_path)
    except ArticleError as error:
        raise _error(path, root, data, ["article"], f"the article cannot be read: {error}") from None
    last = len(article.paragraphs)
    for loc, n in _paragraph_refs(bank):
        if n > last:
            raise _error(path, root, data, loc, f"P{n} does not exist: the article has P1-P{last}")
    return bank, article


def find_banks(target: Path) -> list[Path]:
    """The bank files at ``target``: the file itself, or every .yml/.yaml under a folder."""
    if target.is_file():
        return [target]
    if not target.is_dir():
        raise QuizError(target, "no such file or folder")
    return sorted(p for p in target.rglob("*") if p.suffix in BANK_SUFFIXES and ".ipynb_checkpoints" not in p.parts)
