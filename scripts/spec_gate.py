"""The first step of `make generate`, `make test` and `make contract`: the documents in spec/ load.

Each document must parse as YAML, every ``$ref`` in it must point at something, and it must validate
as OpenAPI. When one does not, the run stops at once with one line per problem: the file, the JSON
pointer of the offending node and a one-line reason. Later steps (the generator, the structural checks
in check_specs.py, schemathesis) assume all three hold and otherwise fail far from the cause, with a
dump of the whole document or an unrelated assertion.

    python -m scripts.spec_gate      # exit 1, printing the problems, when a document does not load
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "spec"
# The OpenAPI documents: what `make generate` turns into clients and `make contract` tests against.
DOCUMENTS = ("bandwidth-mfa.yaml", "infobip-2fa.yaml")
MAX_PROBLEMS = 20  # per document: a broken rename can leave hundreds of dangling refs
MAX_REASON = 160  # characters: a validator message can quote the whole document
# libyaml when present: six times faster on these documents, and this runs before every make target.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SpecProblem:
    file: str
    pointer: str  # RFC 6901, "" for the whole document
    reason: str

    def __str__(self) -> str:
        return f"{self.file}#{self.pointer}: {self.reason}"


class InvalidSpecs(Exception):
    """Raised by require_valid_specs; its text is the lines to print."""


def pointer(parts: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def one_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "(no message)"
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def _refs(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path of the object holding it, value) for every ``$ref`` in the document."""
    if isinstance(node, dict):
        if "$ref" in node:
            yield path, node["$ref"]
        for key, value in node.items():
            if key != "$ref":
                yield from _refs(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _refs(value, (*path, index))


def _dangling(doc: Any, ref: Any) -> str | None:
    """Why ``ref`` does not resolve inside ``doc``, or None when it does."""
    if not isinstance(ref, str):
        return f"$ref must be a string, not {type(ref).__name__}"
    if not ref.startswith("#"):
        return f"$ref {ref!r} points outside the document; only local references (#/...) are supported"
    target: Any = doc
    walked = ""
    for raw in ref[1:].split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(target, dict) and part in target:
            target = target[part]
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        else:
            return f"$ref {ref!r} does not resolve: nothing named {part!r} under #{walked}"
        walked += "/" + raw
    return None


def problems_in(path: Path, name: str | None = None) -> list[SpecProblem]:
    """Everything that stops ``path`` from loading as an OpenAPI document (empty when it loads)."""
    shown = name or _shown(path)
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506 - a safe loader
    except OSError as exc:
        return [SpecProblem(shown, "", f"cannot be read: {exc.strerror or exc}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        return [SpecProblem(shown, "", one_line(f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}"))]
    if not isinstance(doc, dict):
        return [SpecProblem(shown, "", f"the document is a {type(doc).__name__}, not a mapping")]
    problems = [
        SpecProblem(shown, pointer((*where, "$ref")), reason)
        for where, ref in _refs(doc)
        if (reason := _dangling(doc, ref)) is not None
    ]
    if problems:  # the OpenAPI validator would only stop at the first one, quoting the document
        return _capped(problems)
    return _openapi_problems(doc, shown)


def _openapi_problems(doc: dict[str, Any], shown: str) -> list[SpecProblem]:
    from openapi_spec_validator import validate  # imported here: it costs most of a second
    from openapi_spec_validator.validation.exceptions import ValidatorDetectError

    try:
        validate(doc)
    except ValidatorDetectError:
        return [SpecProblem(shown, "/openapi", f"no supported OpenAPI version: {doc.get('openapi')!r}")]
    except Exception as exc:  # the validator raises jsonschema and referencing errors alike
        where = pointer(getattr(exc, "absolute_path", ()))
        reason = getattr(exc, "message", None) or str(exc)
        return [SpecProblem(shown, where, one_line(f"not valid OpenAPI: {reason}"))]
    return []


def _capped(problems: list[SpecProblem]) -> list[SpecProblem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    first = problems[0]
    more = SpecProblem(first.file, "", f"... and {len(problems) - MAX_PROBLEMS} more")
    return [*problems[:MAX_PROBLEMS], more]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def check_all(spec_dir: Path | None = None) -> list[SpecProblem]:
    folder = SPEC_DIR if spec_dir is None else spec_dir
    return [problem for name in DOCUMENTS for problem in problems_in(folder / name)]


def require_valid_specs(spec_dir: Path | None = None) -> None:
    """Raise InvalidSpecs, naming every problem, unless every document in spec/ loads."""
    problems = check_all(spec_dir)
    if problems:
        lines = "\n".join(f"  {problem}" for problem in problems)
        raise InvalidSpecs(f"spec/ does not load; fix these first:\n{lines}")


def main(argv: list[str] | None = None) -> int:
    """``python -m scripts.spec_gate [SPEC_DIR]``: exit 1 naming every problem (make test and make contract
    run it before pytest, make generate before the generator)."""
    args = sys.argv[1:] if argv is None else argv
    try:
        require_valid_specs(Path(args[0]) if args else None)
    except InvalidSpecs as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"spec/: {', '.join(DOCUMENTS)} load")
    return 0


if __name__ == "__main__":
    sys.exit(main())
