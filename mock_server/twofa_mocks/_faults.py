"""Faults injected per operation for the next N requests: an error status, latency, a dropped connection."""

from __future__ import annotations

import math
import threading
from dataclasses import asdict, dataclass
from typing import Any

ANY_OPERATION = "*"
FAULT_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_LATENCY = 300.0  # seconds; an infinite latency used to hold requests forever
MAX_RETRY_AFTER = 86_400.0  # seconds
MAX_COUNT = 10_000  # requests one fault applies to
MAX_PENDING = 1_000  # faults waiting at once
FIELDS = {"operation", "status", "retryAfter", "latency", "drop", "count"}


def _seconds(name: str, value: float, maximum: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number of seconds")
    if not 0 <= value <= maximum:
        raise ValueError(f"{name} must be between 0 and {maximum:g} seconds")


@dataclass
class Fault:
    """What to do to the next ``remaining`` requests of one operation (or of every one, ``*``)."""

    operation: str = ANY_OPERATION
    status: int | None = None  # answer this status, in the vendor's error shape
    retry_after: float | None = None  # seconds, sent as Retry-After with ``status``
    latency: float = 0.0  # real seconds to wait before answering
    drop: bool = False  # read the request, then close the connection without a complete response
    remaining: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.operation, str) or not 1 <= len(self.operation) <= 200:
            raise ValueError("operation must be an operationId (or *)")
        if self.status is not None and (isinstance(self.status, bool) or self.status not in FAULT_STATUSES):
            raise ValueError(f"status must be one of {sorted(FAULT_STATUSES)}")
        if isinstance(self.remaining, bool) or not isinstance(self.remaining, int):
            raise ValueError("count must be an integer")
        if not 1 <= self.remaining <= MAX_COUNT:
            raise ValueError(f"count must be between 1 and {MAX_COUNT}")
        _seconds("latency", self.latency, MAX_LATENCY)
        if self.retry_after is not None:
            _seconds("retryAfter", self.retry_after, MAX_RETRY_AFTER)
        if not isinstance(self.drop, bool):
            raise ValueError("drop must be true or false")
        if self.status is None and not self.drop and not self.latency:
            raise ValueError("a fault needs a status, a latency or drop")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fault:
        """A fault from ``POST /_mock/faults``: JSON types exactly (no "503" for 503, no 1 for true)."""
        unknown = set(data) - FIELDS
        if unknown:
            raise ValueError(f"unknown fault fields: {sorted(unknown)}")
        status, count = data.get("status"), data.get("count", 1)
        for name, value in (("status", status), ("count", count)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{name} must be an integer")
        return cls(
            operation=data.get("operation", ANY_OPERATION),
            status=status,
            retry_after=data.get("retryAfter"),
            latency=data.get("latency", 0.0),
            drop=data.get("drop", False),
            remaining=count,
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["retryAfter"] = data.pop("retry_after")
        data["count"] = data.pop("remaining")
        return data


class FaultInjector:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            if len(self._faults) >= MAX_PENDING:
                raise ValueError(f"at most {MAX_PENDING} faults may wait at once; DELETE /_mock/faults clears them")
            self._faults.append(fault)

    def take(self, operation: str) -> Fault | None:
        """The first pending fault for ``operation`` (its own before ``*``), counted as used."""
        if not self._faults:  # nearly every request: no lock needed to see an empty list
            return None
        with self._lock:
            for wanted in (operation, ANY_OPERATION):
                for fault in self._faults:
                    if fault.operation == wanted:
                        fault.remaining -= 1
                        if fault.remaining == 0:
                            self._faults.remove(fault)
                        return fault
        return None

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
