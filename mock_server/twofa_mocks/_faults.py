"""Faults injected per operation for the next N requests: an error status, latency, a dropped connection."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

ANY_OPERATION = "*"
FAULT_STATUSES = frozenset({429, 500, 502, 503, 504})


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
        if self.status is not None and self.status not in FAULT_STATUSES:
            raise ValueError(f"status must be one of {sorted(FAULT_STATUSES)}")
        if self.remaining < 1:
            raise ValueError("count must be at least 1")
        if self.latency < 0 or (self.retry_after is not None and self.retry_after < 0):
            raise ValueError("latency and retryAfter must not be negative")
        if self.status is None and not self.drop and not self.latency:
            raise ValueError("a fault needs a status, a latency or drop")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fault:
        known = {"operation", "status", "retryAfter", "latency", "drop", "count"}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fault fields: {sorted(unknown)}")
        try:
            return cls(
                operation=str(data.get("operation", ANY_OPERATION)),
                status=None if data.get("status") is None else int(data["status"]),
                retry_after=None if data.get("retryAfter") is None else float(data["retryAfter"]),
                latency=float(data.get("latency", 0.0)),
                drop=bool(data.get("drop", False)),
                remaining=int(data.get("count", 1)),
            )
        except (TypeError, ValueError) as exc:
            raise ValueError(f"invalid fault: {exc}") from exc

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
