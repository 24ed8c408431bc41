"""The decision register, spec/decisions.yaml: every deliberate choice of spec/, and which
differences from the vendors' published documents each one explains.

An entry::

    - id: C8                     # unique; C/U/D and B1-B24 ids are the historical ones, G/I and B25+ number the rest
      section: infobip           # conventions | infobip | bandwidth: the table of spec/README.md
      vendor: infobip            # infobip | bandwidth | both
      topic: ...                 # where the sources disagree or are silent (column 2 of the table)
      choice: ...                # what spec/ does and why (column 3)
      drift:                     # the differences `make drift` reports that this choice explains ...
        - what: status           # a difference kind (scripts/drift/compare.py)
          where: "POST /2fa/2/applications#/responses/200"   # a location; * matches any text
          ours: true             # the value spec/ has there
          theirs: false          # the value the vendor's document has there
      # ... or, when the vendor's document cannot show it (prose, examples, v1 absent, or it agrees):
      # drift: "why there is nothing to match"

A matcher explains a difference when kind, location and both values match. In a run against a
vendor's document, a matcher of that vendor that explains nothing is *stale*: the vendor changed
(or spec/ did) and the decision must be reviewed. In an entry of ``vendor: both`` each matcher
names its vendor (``vendor: infobip``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .compare import KINDS, Difference
from .normalise import canon, canon_key

REGISTER = Path(__file__).resolve().parents[2] / "spec" / "decisions.yaml"
VENDORS = ("infobip", "bandwidth")
SECTIONS = ("conventions", "infobip", "bandwidth")
ID_PATTERN = re.compile(r"^[A-Z][0-9]+$")
ENTRY_KEYS = frozenset({"id", "section", "vendor", "topic", "choice", "drift"})
MATCHER_KEYS = frozenset({"what", "where", "ours", "theirs", "vendor"})


class RegisterError(Exception):
    """spec/decisions.yaml is malformed; the message says where."""


def glob(pattern: str) -> re.Pattern[str]:
    """``*`` matches any text; every other character (``[``, ``]``, ``{``, ``?``) is literal."""
    return re.compile("^" + ".*".join(re.escape(part) for part in pattern.split("*")) + "$", re.DOTALL)


@dataclass(frozen=True)
class Matcher:
    decision: str
    vendor: str
    what: str
    where: str
    ours: Any
    theirs: Any
    pattern: re.Pattern[str] = field(compare=False, repr=False)

    def matches(self, diff: Difference) -> bool:
        return (
            diff.kind == self.what
            and canon_key(diff.ours) == canon_key(self.ours)
            and canon_key(diff.theirs) == canon_key(self.theirs)
            and self.pattern.match(diff.where) is not None
        )

    def to_json(self) -> dict[str, Any]:
        return {"what": self.what, "where": self.where, "ours": self.ours, "theirs": self.theirs}


@dataclass(frozen=True)
class Decision:
    id: str
    section: str
    vendor: str
    topic: str
    choice: str
    matchers: tuple[Matcher, ...]
    not_matched: str  # why drift has nothing to match, when there are no matchers
    position: int  # in the register: tables and reports keep this order

    def applies_to(self, vendor: str) -> bool:
        return self.vendor in (vendor, "both")


@dataclass(frozen=True)
class Outcome:
    """One run's differences sorted out by the register."""

    vendor: str
    explained: list[tuple[Difference, Decision]]
    unexplained: list[Difference]
    stale: list[Matcher]

    @property
    def clean(self) -> bool:
        return not self.unexplained and not self.stale


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RegisterError(f"{where}: `{key}` must be a non-empty text")
    return " ".join(value.split())


def _matcher(raw: Any, decision: str, vendor: str, where: str) -> Matcher:
    if not isinstance(raw, dict):
        raise RegisterError(f"{where}: a matcher is a mapping with what, where, ours, theirs")
    unknown = set(raw) - MATCHER_KEYS
    if unknown:
        raise RegisterError(f"{where}: unknown key(s) {sorted(unknown)}")
    missing = {"what", "where", "ours", "theirs"} - set(raw)
    if missing:
        raise RegisterError(f"{where}: missing {sorted(missing)} (both values are recorded, null for 'not said')")
    if raw["what"] not in KINDS:
        raise RegisterError(f"{where}: unknown difference kind {raw['what']!r}; known: {sorted(KINDS)}")
    if not isinstance(raw["where"], str) or not raw["where"].strip():
        raise RegisterError(f"{where}: `where` must be a location (a text, * for any text)")
    run_vendor = raw.get("vendor", vendor)
    if vendor == "both" and run_vendor not in VENDORS:
        raise RegisterError(f"{where}: an entry for both vendors names each matcher's vendor ({'|'.join(VENDORS)})")
    if vendor != "both" and run_vendor != vendor:
        raise RegisterError(f"{where}: matcher vendor {run_vendor!r} differs from the entry's {vendor!r}")
    return Matcher(
        decision=decision,
        vendor=str(run_vendor),
        what=str(raw["what"]),
        where=str(raw["where"]),
        ours=canon(raw["ours"]),
        theirs=canon(raw["theirs"]),
        pattern=glob(str(raw["where"])),
    )


def parse(data: Any, source: str = "spec/decisions.yaml") -> list[Decision]:
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise RegisterError(f"{source}: expected a mapping with a `decisions` list")
    decisions: list[Decision] = []
    seen: set[str] = set()
    for index, entry in enumerate(data["decisions"]):
        where = f"{source}: decisions[{index}]"
        if not isinstance(entry, dict):
            raise RegisterError(f"{where}: an entry is a mapping")
        ident = entry.get("id")
        if not isinstance(ident, str) or not ID_PATTERN.match(ident):
            raise RegisterError(f"{where}: `id` must look like C8 or G1, got {ident!r}")
        where = f"{source}: {ident}"
        if ident in seen:
            raise RegisterError(f"{where}: duplicate id")
        seen.add(ident)
        unknown = set(entry) - ENTRY_KEYS
        if unknown:
            raise RegisterError(f"{where}: unknown key(s) {sorted(unknown)}")
        if entry.get("section") not in SECTIONS:
            raise RegisterError(f"{where}: `section` must be one of {SECTIONS}")
        vendor = entry.get("vendor")
        if vendor not in (*VENDORS, "both"):
            raise RegisterError(f"{where}: `vendor` must be infobip, bandwidth or both")
        drift = entry.get("drift")
        matchers: tuple[Matcher, ...] = ()
        not_matched = ""
        if isinstance(drift, list) and drift:
            matchers = tuple(_matcher(m, ident, str(vendor), f"{where}: drift[{i}]") for i, m in enumerate(drift))
        elif isinstance(drift, str) and drift.strip():
            not_matched = " ".join(drift.split())
        else:
            raise RegisterError(
                f"{where}: `drift` must list the differences this decision explains, or say why there are none"
            )
        decisions.append(
            Decision(
                id=ident,
                section=str(entry["section"]),
                vendor=str(vendor),
                topic=_text(entry, "topic", where),
                choice=_text(entry, "choice", where),
                matchers=matchers,
                not_matched=not_matched,
                position=index,
            )
        )
    return decisions


def load(path: Path = REGISTER) -> list[Decision]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegisterError(f"{path}: the decision register is missing") from None
    except yaml.YAMLError as exc:
        raise RegisterError(f"{path}: not YAML: {exc}") from None
    return parse(data, str(path.name))


def matchers_for(decisions: list[Decision], vendor: str) -> list[tuple[Matcher, Decision]]:
    return [(m, d) for d in decisions if d.applies_to(vendor) for m in d.matchers if m.vendor == vendor]


def explain(diffs: list[Difference], decisions: list[Decision], vendor: str) -> Outcome:
    """Each difference is explained by the first matcher that matches it (register order)."""
    matchers = matchers_for(decisions, vendor)
    used: set[int] = set()
    explained: list[tuple[Difference, Decision]] = []
    unexplained: list[Difference] = []
    for diff in diffs:
        hit = next((i for i, (m, _) in enumerate(matchers) if m.matches(diff)), None)
        if hit is None:
            unexplained.append(diff)
            continue
        explained.append((diff, matchers[hit][1]))
        # Every matcher that matches counts as used, not only the first: a stale check must not
        # blame a matcher because an earlier entry happens to cover the same difference.
        used.update(i for i, (m, _) in enumerate(matchers) if m.matches(diff))
    stale = [m for i, (m, _) in enumerate(matchers) if i not in used]
    return Outcome(vendor=vendor, explained=explained, unexplained=unexplained, stale=stale)
