"""The drift reports: reports/drift-<vendor>.md for people, reports/drift-<vendor>.json for tools.

Unexplained differences come first, then stale decisions, then the explained differences grouped
by the decision that explains them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .compare import COUNT_KINDS, PRESENCE_KINDS, Difference
from .register import Decision, Matcher, Outcome


@dataclass(frozen=True)
class Sources:
    ours: str  # spec/infobip-2fa.yaml
    theirs: str  # the vendor document as shown (no credentials, no query)
    theirs_openapi: str
    theirs_version: str


def describe(diff: Difference) -> str:
    """One sentence for a person."""
    subject = {"operation": "operation", "request-body": "request body", "enum": "enum value"}.get(diff.kind, diff.kind)
    if diff.kind in PRESENCE_KINDS:
        side = "only in ours" if diff.ours else "only in theirs"
        text = f"{subject} {side}"
    elif diff.kind in COUNT_KINDS:
        text = f"{subject}: ours has {diff.ours}, theirs {diff.theirs}"
    else:
        text = f"{subject}: ours {_plain(diff.ours)}, theirs {_plain(diff.theirs)}"
    return f"{text} ({diff.detail})" if diff.detail else text


def _plain(value: Any) -> str:
    return "not said" if value is None else json.dumps(value, ensure_ascii=False)


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def _where(text: str) -> str:
    return "`" + text.replace("|", "\\|") + "`"


def _diff_table(diffs: list[Difference]) -> list[str]:
    rows = ["| kind | where | ours | theirs |", "|---|---|---|---|"]
    rows += [f"| {d.kind} | {_where(d.where)} | {_cell(d.ours)} | {_cell(d.theirs)} |" for d in diffs]
    return rows


def _stale_table(stale: list[Matcher]) -> list[str]:
    rows = ["| decision | kind | where | ours | theirs |", "|---|---|---|---|---|"]
    rows += [f"| {m.decision} | {m.what} | {_where(m.where)} | {_cell(m.ours)} | {_cell(m.theirs)} |" for m in stale]
    return rows


def _grouped(outcome: Outcome) -> list[tuple[Decision, list[Difference]]]:
    groups: dict[str, tuple[Decision, list[Difference]]] = {}
    for diff, decision in outcome.explained:
        groups.setdefault(decision.id, (decision, []))[1].append(diff)
    return sorted(groups.values(), key=lambda group: group[0].position)


def summary(outcome: Outcome) -> str:
    total = len(outcome.explained) + len(outcome.unexplained)
    decisions = len({d.id for _, d in outcome.explained})
    verdict = "OK" if outcome.clean else "FAILED"
    return (
        f"{verdict}: {total} differences, {len(outcome.unexplained)} unexplained, "
        f"{len(outcome.explained)} explained by {decisions} decisions; {len(outcome.stale)} stale decision matchers"
    )


def markdown(outcome: Outcome, sources: Sources) -> str:
    lines = [
        f"# Drift: {outcome.vendor}",
        "",
        f"- ours: `{sources.ours}`",
        f"- theirs: `{sources.theirs}` (OpenAPI {sources.theirs_openapi}, document version {sources.theirs_version})",
        f"- result: **{summary(outcome)}**",
        "",
        f"## Unexplained differences ({len(outcome.unexplained)})",
        "",
    ]
    if outcome.unexplained:
        lines += [
            "Each one is either fixed in spec/ (then `make generate`) or recorded in spec/decisions.yaml with "
            "its reason.",
            "",
            *_diff_table(outcome.unexplained),
        ]
    else:
        lines.append("None.")
    lines += ["", f"## Stale decisions ({len(outcome.stale)})", ""]
    if outcome.stale:
        lines += [
            "These register entries match nothing in this document any more: review the decision, then update or "
            "remove the entry.",
            "",
            *_stale_table(outcome.stale),
        ]
    else:
        lines.append("None.")
    lines += ["", f"## Explained differences ({len(outcome.explained)})"]
    for decision, diffs in _grouped(outcome):
        lines += ["", f"### {decision.id}: {decision.topic} ({len(diffs)})", "", f"Choice: {decision.choice}", ""]
        lines += _diff_table(diffs)
    return "\n".join(lines) + "\n"


def as_json(outcome: Outcome, sources: Sources) -> dict[str, Any]:
    return {
        "vendor": outcome.vendor,
        "ours": sources.ours,
        "theirs": {
            "source": sources.theirs,
            "openapi": sources.theirs_openapi,
            "version": sources.theirs_version,
        },
        "result": "ok" if outcome.clean else "failed",
        "counts": {
            "differences": len(outcome.explained) + len(outcome.unexplained),
            "unexplained": len(outcome.unexplained),
            "explained": len(outcome.explained),
            "decisions_used": len({d.id for _, d in outcome.explained}),
            "stale_matchers": len(outcome.stale),
        },
        "unexplained": [d.to_json() for d in outcome.unexplained],
        "stale": [{"decision": m.decision, **m.to_json()} for m in outcome.stale],
        "explained": [{**d.to_json(), "decision": decision.id} for d, decision in outcome.explained],
    }


def write(directory: Path, outcome: Outcome, sources: Sources) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    md = directory / f"drift-{outcome.vendor}.md"
    js = directory / f"drift-{outcome.vendor}.json"
    md.write_text(markdown(outcome, sources), encoding="utf-8")
    js.write_text(json.dumps(as_json(outcome, sources), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return md, js
