"""What the mock "sent": every SMS, call and e-mail, with its code, readable by tests."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Any

DEFAULT_OUTBOX_LIMIT = 10_000
DEFAULT_OUTBOX_CHARACTERS = 16_000_000


# What a delivery holds besides its text and placeholder maps (ids, statuses, the destination): counted
# as a flat amount, so that adding a delivery costs the same whatever its fields.
DELIVERY_OVERHEAD = 256


def destination_key(to: str) -> str:
    """What deliveries are looked up by: the destination without a leading "+". Infobip takes and stores
    numbers without it (41793026727), Bandwidth with it (+19195551234); a test asks either way."""
    return to.removeprefix("+")


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message or call the mock pretended to deliver."""

    channel: str  # "sms", "voice" or "email"
    to: str
    text: str  # the rendered message, code included
    code: str  # the PIN or code it carries
    reference: str  # pinId (Infobip) or messageId / callId (Bandwidth)
    sent_at: float
    sender: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def characters(self) -> int:
        """What it holds, counted for the outbox's budget: its texts, its placeholder maps (names and
        values) and a flat DELIVERY_OVERHEAD for the rest (ids and statuses, each short)."""
        size = len(self.text) + len(self.to) + len(self.sender or "") + DELIVERY_OVERHEAD
        for value in self.extra.values():
            if value.__class__ is dict and value:
                size += sum(len(k) + len(v) for k, v in value.items() if isinstance(k, str) and isinstance(v, str))
        return size


class Outbox:
    """A bounded, thread-safe log of deliveries, oldest first.

    Bounded twice: at most ``limit`` deliveries, and at most ``characters`` characters in them all
    (a rendered message and its placeholders can be thousands of characters); the oldest go first.
    """

    def __init__(self, limit: int = DEFAULT_OUTBOX_LIMIT, characters: int = DEFAULT_OUTBOX_CHARACTERS) -> None:
        self._lock = threading.Lock()
        self._items: deque[tuple[Delivery, int]] = deque()
        self._total = 0
        self._characters = 0
        self.limit, self.max_characters = limit, characters

    def set_limits(self, limit: int, characters: int) -> None:
        with self._lock:
            self.limit, self.max_characters = limit, characters
            self._trim()

    def _trim(self) -> None:
        while self._items and (len(self._items) > self.limit or self._characters > self.max_characters):
            self._characters -= self._items.popleft()[1]

    def add(self, delivery: Delivery) -> None:
        size = delivery.characters
        with self._lock:
            self._items.append((delivery, size))
            self._characters += size
            self._total += 1
            self._trim()

    def list(self, to: str | None = None) -> list[Delivery]:
        """Deliveries, oldest first; to ``to`` only when given (with or without a leading "+")."""
        with self._lock:
            if to is None:
                return [d for d, _ in self._items]
            key = destination_key(to)
            return [d for d, _ in self._items if destination_key(d.to) == key]

    def last(self, to: str) -> Delivery | None:
        """The newest delivery to ``to`` (with or without a leading "+"), or None."""
        key = destination_key(to)
        with self._lock:
            for delivery, _ in reversed(self._items):
                if destination_key(delivery.to) == key:
                    return delivery
        return None

    @property
    def total(self) -> int:
        """Deliveries ever recorded, including those the bounded log has dropped."""
        return self._total

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._total = 0
            self._characters = 0
