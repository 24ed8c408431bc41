"""What the mock "sent": every SMS, call and e-mail, with its code, readable by tests."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Any

DEFAULT_OUTBOX_LIMIT = 10_000


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


class Outbox:
    """A bounded, thread-safe log of deliveries, oldest first."""

    def __init__(self, limit: int = DEFAULT_OUTBOX_LIMIT) -> None:
        self._lock = threading.Lock()
        self._items: deque[Delivery] = deque(maxlen=limit)
        self._total = 0

    def add(self, delivery: Delivery) -> None:
        with self._lock:
            self._items.append(delivery)
            self._total += 1

    def list(self, to: str | None = None) -> list[Delivery]:
        with self._lock:
            return [d for d in self._items if to is None or d.to == to]

    def last(self, to: str) -> Delivery | None:
        found = self.list(to)
        return found[-1] if found else None

    @property
    def total(self) -> int:
        """Deliveries ever recorded, including those the bounded log has dropped."""
        return self._total

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._total = 0
