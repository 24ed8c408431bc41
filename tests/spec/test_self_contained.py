"""The repository stands alone: nothing points outside it, and every id cited in code is a row in it.

- No tracked file (outside ``generated/``) points to notes outside the repository: the shared folder
  next to it, the seed page files, or "the vendor reference" and its sections.
- Every decision id cited in a comment, a docstring or a document (``U13``, ``decision C8``,
  ``B3-B5``) is an entry of spec/decisions.yaml.
- Every toolchain id cited where the toolchain is named (``docs/toolchain.md, O9``) is a row of
  docs/toolchain.md.

Python files are read through their comments and docstrings only, so string data such as ``"%C3%A9"``
is never taken for an id; other text files (Markdown, YAML, TOML, the Makefile) are read whole.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
REGISTER = REPO / "spec" / "decisions.yaml"
TOOLCHAIN = REPO / "docs" / "toolchain.md"
SKIPPED_DIRS = ("generated/",)

# Pointers out of the repository. Written so that this file does not match them itself; a quoted
# needle naming the outside folder (a test that checks for its absence) is not a pointer.
OUTSIDE = re.compile(
    r"\.\./shared(?![\"'])"  # the shared folder next to the repository
    r"|/work[/]shared|shared[/](?:reference|seeds)"
    r"|\b[0-9]{3}_[0-9a-f]{16}\.txt\b"  # a seed page's file name
    r"|\bvendor references?\b|\breference section\b",  # the outside vendor notes, in words
    re.IGNORECASE,
)

# A decision id (C8, U13, B14, D5, G3, I12) or a range of them (U25-U27, B3-B5). Not preceded by
# characters that make it part of something else: "%C3" (percent-encoding), "#C0", "x.D1", "a-B2";
# "U34/C11" cites both.
DECISION_ID = re.compile(r"(?<![\w%#&\\.-])([CUBDGI])([0-9]{1,2})(?:[-\u2013]\1?([0-9]{1,2}))?(?![\w-])")
TOOLCHAIN_ID = re.compile(r"(?<![\w%#&\\.-])([OS])([0-9]{1,2})(?:[-\u2013]\1?([0-9]{1,2}))?(?![\w-])")
# Toolchain ids are read only in text that names the toolchain notes (S1 or O2 mean other things
# elsewhere).
TOOLCHAIN_CONTEXT = re.compile(r"toolchain|pitfall", re.IGNORECASE)
TOOLCHAIN_ROW = re.compile(r"^\| ([OS][0-9]{1,2}) \|", re.MULTILINE)


@dataclass(frozen=True)
class Cited:
    id: str
    where: str  # path:line

    def __str__(self) -> str:
        return f"{self.where}: {self.id}"


# --- what the repository holds --------------------------------------------------------------------


def repository_files() -> list[str]:
    """Tracked files, and new ones not ignored yet, relative to the repository, without generated/."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"],  # noqa: S607 - git from PATH
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:  # no git, or not a checkout
        pytest.fail(f"cannot list the repository's files with git ls-files: {exc}")
    files = sorted({f for f in out.splitlines() if f and not f.startswith(SKIPPED_DIRS) and (REPO / f).is_file()})
    assert len(files) > 100, f"git ls-files listed only {len(files)} files: the scan would check nothing"
    return files


def read_text(path: str) -> str | None:
    try:
        return (REPO / path).read_text(encoding="utf-8")
    except UnicodeDecodeError:  # binary
        return None


def register_ids() -> set[str]:
    data = yaml.safe_load(REGISTER.read_text(encoding="utf-8"))
    return {str(entry["id"]) for entry in data["decisions"]}


def toolchain_ids() -> set[str]:
    return set(TOOLCHAIN_ROW.findall(TOOLCHAIN.read_text(encoding="utf-8")))


# --- where ids are cited --------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """A comment block, a docstring or a paragraph: the unit an id is read in."""

    text: str
    line: int  # of its first line


def python_chunks(source: str) -> Iterator[Chunk]:
    """Comments (consecutive comment lines as one block) and docstrings of a Python source."""
    block: list[str] = []
    start = last = 0
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            row = token.start[0]
            if block and row != last + 1:
                yield Chunk("\n".join(block), start)
                block = []
            if not block:
                start = row
            block.append(token.string)
            last = row
    if block:
        yield Chunk("\n".join(block), start)
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                value = body[0].value.value
                if isinstance(value, str):
                    yield Chunk(value, body[0].lineno)


def text_chunks(text: str) -> Iterator[Chunk]:
    """Paragraphs (blocks between blank lines) of any other text file."""
    line = 1
    for paragraph in re.split(r"\n[ \t]*\n", text):
        yield Chunk(paragraph, line)
        line += paragraph.count("\n") + 2


def chunks(path: str, text: str) -> Iterator[Chunk]:
    return python_chunks(text) if path.endswith(".py") else text_chunks(text)


def _expand(pattern: re.Pattern[str], chunk: Chunk, path: str) -> Iterator[Cited]:
    for match in pattern.finditer(chunk.text):
        letter, first, last = match.group(1), int(match.group(2)), match.group(3)
        where = f"{path}:{chunk.line + chunk.text.count(chr(10), 0, match.start())}"
        for number in range(first, (int(last) if last else first) + 1):
            yield Cited(f"{letter}{number}", where)


def cited_ids(path: str, text: str) -> tuple[list[Cited], list[Cited]]:
    """The decision ids and the toolchain ids that ``text`` (the file ``path``) cites."""
    decisions: list[Cited] = []
    tools: list[Cited] = []
    for chunk in chunks(path, text):
        decisions.extend(_expand(DECISION_ID, chunk, path))
        if path == "docs/toolchain.md" or TOOLCHAIN_CONTEXT.search(chunk.text):
            tools.extend(_expand(TOOLCHAIN_ID, chunk, path))
    return decisions, tools


def outside_pointers(path: str, text: str) -> list[str]:
    """Lines of ``text`` that point outside the repository."""
    return [
        f"{path}:{number}: {line.strip()}" for number, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)
    ]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {path: text for path in repository_files() if (text := read_text(path)) is not None}


@pytest.fixture(scope="module")
def citations(texts: dict[str, str]) -> tuple[list[Cited], list[Cited]]:
    decisions: list[Cited] = []
    tools: list[Cited] = []
    for path, text in texts.items():
        found = cited_ids(path, text)
        decisions.extend(found[0])
        tools.extend(found[1])
    return decisions, tools


# --- the checks -----------------------------------------------------------------------------------


def test_nothing_points_outside_the_repository(texts: dict[str, str]) -> None:
    # This file is left out: its own examples of pointers are data, built so as not to match elsewhere.
    checked = {path: text for path, text in texts.items() if path != "tests/spec/test_self_contained.py"}
    found = [line for path, text in checked.items() for line in outside_pointers(path, text)]
    assert found == [], "state the fact in docs/ and point there:\n" + "\n".join(found)


def test_every_cited_decision_id_is_in_the_register(citations: tuple[list[Cited], list[Cited]]) -> None:
    decisions, _ = citations
    known = register_ids()
    assert len({c.id for c in decisions}) > 100, "the scan found almost no citations: it is broken"
    missing = [str(c) for c in decisions if c.id not in known]
    assert missing == [], "add an entry to spec/decisions.yaml (and run `make decisions`):\n" + "\n".join(missing)


def test_every_cited_toolchain_id_is_a_row_of_docs_toolchain(citations: tuple[list[Cited], list[Cited]]) -> None:
    _, tools = citations
    rows = toolchain_ids()
    assert {"O2", "O9", "S1", "S9"} <= rows, f"docs/toolchain.md rows not found: {sorted(rows)}"
    assert {"O9", "S1", "S9"} <= {c.id for c in tools}, "the scan missed the code's toolchain citations"
    missing = [str(c) for c in tools if c.id not in rows]
    assert missing == [], "add a row to docs/toolchain.md:\n" + "\n".join(missing)


# --- the scan itself: it finds made-up ids and pointers, and leaves data alone ----------------------

MADE_UP = '''"""Module docstring citing decision C77."""

URL = "/2fa/2/applications/%C3%A9"  # a percent-encoded path; no id here
NOT_A_COMMENT = "U5 inside a plain string is data, not a citation"


def f() -> None:
    """As U98 says."""
    x = 1  # U99: made up
    y = 2
    # the generator's quirk (docs/toolchain.md, O42)
    z = 3
    # an S3 bucket and an O2 sensor
    return None
'''


def test_the_scan_finds_made_up_ids_in_comments_and_docstrings_only() -> None:
    decisions, tools = cited_ids("overrides/example.py", MADE_UP)
    assert {c.id for c in decisions} == {"C77", "U98", "U99"}
    assert {c.id for c in tools} == {"O42"}  # the S3 and O2 comment is not about the tools
    assert [str(c) for c in decisions if c.id == "U99"] == ["overrides/example.py:9: U99"]
    known = register_ids()
    assert {c.id for c in decisions} - known == {"C77", "U98", "U99"}
    assert {c.id for c in tools} - toolchain_ids() == {"O42"}


def test_the_scan_expands_ranges_and_skips_lookalikes() -> None:
    text = "Defaults follow B3-B5, U25\u201327 and U34/C11.\n\nNot ids: UTF-8, B2B, pt-B1, E.164, 0xC3, %D3, x.I2.\n"
    decisions, tools = cited_ids("docs/example.md", text)
    assert [c.id for c in decisions] == ["B3", "B4", "B5", "U25", "U26", "U27", "U34", "C11"]
    assert tools == []  # no toolchain named: S and O are not read
    assert [c.where for c in decisions][:1] == ["docs/example.md:1"]


def test_the_scan_finds_pointers_outside_the_repository() -> None:
    shared = "../" + "shared"
    text = (
        f"see {shared}/reference/infobip-2fa.md\n"
        "the seed 000" + "_613801d1de67f964.txt page\n"
        "as the vendor reference says\n"
        f'assert "{shared}" not in text\n'  # a test checking for the needle is no pointer
        "docs/infobip-2fa.md states it\n"
    )
    found = outside_pointers("x.md", text)
    assert [line.split(":")[1] for line in found] == ["1", "2", "3"]


def test_the_register_and_the_toolchain_rows_are_read() -> None:
    assert {"C8", "U13", "B14", "D5", "G3", "I12", "B25"} <= register_ids()
    assert {"O1", "O2", "O3", "O4", "O9", "S1", "S2", "S9"} <= toolchain_ids()
