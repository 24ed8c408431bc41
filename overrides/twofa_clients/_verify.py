"""Verify outcomes are results, not exceptions: a wrong or expired code is an answer, not an error."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ._constants import Vendor

# Infobip's documented pinError values; others are passed through as plain strings.
KnownPinError = Literal["WRONG_PIN", "TTL_EXPIRED", "NO_MORE_PIN_ATTEMPTS"]
KNOWN_PIN_ERRORS: frozenset[str] = frozenset({"WRONG_PIN", "TTL_EXPIRED", "NO_MORE_PIN_ATTEMPTS"})


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of a verification, for both vendors.

    ``verified``: the code matched. ``reason``: why not (Infobip's ``pinError``, such as
    ``WRONG_PIN``, ``TTL_EXPIRED`` or ``NO_MORE_PIN_ATTEMPTS``, or a value newer than this library);
    Bandwidth gives no reason (the ``Verifier`` maps its outcomes to the same three). ``attempts_remaining``:
    Infobip only. ``retry_after``: seconds until a check may succeed again, when a lock-out says so
    (Bandwidth's "please wait 2 minutes", through the ``Verifier``).
    """

    vendor: Vendor
    verified: bool
    reason: str | None = None
    attempts_remaining: int | None = None
    pin_id: str | None = None
    msisdn: str | None = None
    retry_after: float | None = None

    @property
    def known_reason(self) -> KnownPinError | None:
        """``reason`` when it is one of the documented values, else None."""
        return self.reason if self.reason in KNOWN_PIN_ERRORS else None  # type: ignore[return-value]
