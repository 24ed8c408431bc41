"""The decision tables of spec/README.md, generated from spec/decisions.yaml.

    python -m scripts.drift.readme            # rewrite the tables (make decisions)
    python -m scripts.drift.readme --check    # exit 1 when spec/README.md is out of date (make test)

Each table sits between two marker comments; everything outside the markers is hand-written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import register

README = Path(__file__).resolve().parents[2] / "spec" / "README.md"
HEADERS = {
    "conventions": ("#", "decision", "why"),
    "infobip": ("#", "where sources disagree or are silent", "choice"),
    "bandwidth": ("#", "where sources disagree or are silent", "choice"),
}


def start_marker(section: str) -> str:
    return f"<!-- decisions:{section} (generated from spec/decisions.yaml by `make decisions`; do not edit) -->"


def end_marker(section: str) -> str:
    return f"<!-- /decisions:{section} -->"


def _cell(text: str) -> str:
    # A pipe ends a table cell even inside backticks unless escaped (GitHub renders \\| as |).
    return text.replace("|", "\\|")


def table(decisions: list[register.Decision], section: str) -> str:
    first, second, third = HEADERS[section]
    rows = [f"| {first} | {second} | {third} | drift |", "|---|---|---|---|"]
    for decision in decisions:
        if decision.section != section:
            continue
        checked = "✓" if decision.matchers else ""
        rows.append(f"| {decision.id} | {_cell(decision.topic)} | {_cell(decision.choice)} | {checked} |")
    return "\n".join(rows)


def render(text: str, decisions: list[register.Decision]) -> str:
    """``text`` with every marked table replaced; a missing marker is an error, not a silent skip."""
    for section in HEADERS:
        start, end = start_marker(section), end_marker(section)
        if text.count(start) != 1 or text.count(end) != 1 or text.index(start) > text.index(end):
            raise ValueError(f"spec/README.md: expected one `{start}` ... `{end}` pair")
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = f"{before}{start}\n{table(decisions, section)}\n{end}{after}"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.drift.readme")
    parser.add_argument("--check", action="store_true", help="fail when spec/README.md is out of date")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    wanted = render(current, register.load())
    if args.check:
        if wanted != current:
            print("spec/README.md: the decision tables differ from spec/decisions.yaml; run `make decisions`")
            return 1
        return 0
    if wanted != current:
        README.write_text(wanted, encoding="utf-8")
        print("spec/README.md: decision tables rewritten from spec/decisions.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
