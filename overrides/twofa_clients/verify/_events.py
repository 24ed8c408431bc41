"""What the Verifier reports: one event per step, to a hook and as a structured log line.

An event says what happened, with which vendor, how long the vendor took and why; it never holds a
code, a credential or the destination (personal data). ``challenge_id`` is a short digest that ties
the events of one challenge together (across resends too) without revealing its ids.

Log lines go to the ``twofa_clients.verify`` logger: INFO for the ordinary steps, WARNING for a
failover, a failure, an unknown delivery and an opened circuit. Each carries the event as a dict in
``record.twofa_event`` for structured (JSON) log handlers.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ._vendor import Vendor

logger = logging.getLogger("twofa_clients.verify")

EventKind = Literal[
    "sent",  # a vendor took the send
    "failed_over",  # a vendor certainly did not send; the next one is tried (``next_vendor``)
    "send_failed",  # the send failed and was not failed over (or no vendor was left)
    "delivery_unknown",  # the send (or resend) may have gone out; raised, never repeated
    "resent",
    "resend_failed",
    "verified",
    "rejected",  # a check that did not verify: ``reason`` says why
    "check_failed",  # a check that got no answer (raised)
    "circuit_opened",
    "circuit_closed",
]
_WARNINGS = frozenset(
    {"failed_over", "send_failed", "delivery_unknown", "resend_failed", "check_failed", "circuit_opened"}
)


@dataclass(frozen=True)
class VerifierEvent:
    kind: EventKind
    vendor: Vendor | None
    channel: str | None = None
    latency: float | None = None  # seconds the vendor call took (None: no call was made)
    reason: str | None = None  # a check's reason, or a failure's tag (see _failover)
    error: str | None = None  # the error's class name
    status_code: int | None = None
    next_vendor: Vendor | None = None
    attempts_remaining: int | None = None
    retry_after: float | None = None
    challenge_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


def challenge_id(vendor: str, reference: str | None, scope: str | None, issued_at_ms: int) -> str:
    """12 hex characters of a SHA-256 over what identifies a challenge at its vendor: Infobip's pinId,
    Bandwidth's scope (one per challenge unless a fixed scope is configured). It stays the same across
    resends and never involves the destination, so it correlates events without revealing anything."""
    key = scope if vendor == "bandwidth" else reference
    material = f"{vendor}\n{key if key is not None else issued_at_ms}".encode()
    return hashlib.sha256(material).hexdigest()[:12]


class Events:
    """Calls the hook and logs; a hook that raises is logged, never allowed to break a send."""

    def __init__(self, hook: Callable[[VerifierEvent], object] | None) -> None:
        self._hook = hook

    def emit(self, event: VerifierEvent) -> None:
        level = logging.WARNING if event.kind in _WARNINGS else logging.INFO
        if logger.isEnabledFor(level):
            fields = " ".join(_field(key, value) for key, value in event.as_dict().items() if key != "kind")
            logger.log(level, "verifier %s: %s", event.kind, fields, extra={"twofa_event": event.as_dict()})
        if self._hook is not None:
            try:
                self._hook(event)
            except Exception as exc:  # the hook is the application's code: report it, keep going
                logger.error("verifier event hook raised %s on a %r event", type(exc).__name__, event.kind)


def _field(key: str, value: object) -> str:
    if key == "latency" and isinstance(value, float):
        return f"latency_ms={value * 1000:.1f}"
    if key == "retry_after" and isinstance(value, float | int):
        return f"retry_after_s={value:g}"
    return f"{key}={value}"
