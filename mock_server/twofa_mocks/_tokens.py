"""Issued OAuth2 access tokens, both vendors: expiring, capped, and found or dropped without a scan.

Each token has one note on a heap under its expiry, so dropping expired tokens pops only those, and
past the cap the token closest to its expiry (the oldest, with one lifetime) is revoked. Issuing used
to scan every live token: 1.3 ms each at 60,000 live, and going from 100,000 to 200,000 did not
finish in 300 s.
"""

from __future__ import annotations

import heapq
import itertools
import secrets
from collections.abc import Iterator
from typing import Generic, TypeVar

V = TypeVar("V")


class TokenTable(Generic[V]):
    """token -> (what it grants, expires at). Reads are plain dict lookups (``get``, ``in``, ``len``)."""

    def __init__(self) -> None:
        self._tokens: dict[str, tuple[V, float]] = {}
        # (expires at, issue order, token), a heap; stale once revoked. Among tokens expiring at once
        # (a frozen clock, one lifetime) the first issued goes first.
        self._expiry: list[tuple[float, int, str]] = []
        self._order = itertools.count()

    def issue(self, grants: V, ttl: float, now: float, cap: int) -> str:
        token = secrets.token_urlsafe(32)
        expires_at = now + ttl
        self._tokens[token] = (grants, expires_at)
        heapq.heappush(self._expiry, (expires_at, next(self._order), token))
        while len(self._tokens) > cap:
            self._pop_soonest()
        if len(self._expiry) > 2 * len(self._tokens) + 1024:  # notes of tokens revoked by hand
            self._expiry = [entry for entry in self._expiry if self._live(entry)]
            heapq.heapify(self._expiry)
        return token

    def _live(self, entry: tuple[float, int, str]) -> bool:
        issued = self._tokens.get(entry[2])
        return issued is not None and issued[1] == entry[0]

    def _pop_soonest(self) -> None:
        entry = heapq.heappop(self._expiry)
        if self._live(entry):
            del self._tokens[entry[2]]

    def drop_expired(self, now: float) -> None:
        while self._expiry and self._expiry[0][0] <= now:
            self._pop_soonest()

    def get(self, token: str) -> tuple[V, float] | None:
        return self._tokens.get(token)

    def clear(self) -> None:
        """Revoke every token (a test's way to force a refresh)."""
        self._tokens.clear()
        self._expiry.clear()

    def __contains__(self, token: object) -> bool:
        return token in self._tokens

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __setitem__(self, token: str, issued: tuple[V, float]) -> None:
        """Add a token by hand (tests); it expires and counts toward the cap like an issued one."""
        self._tokens[token] = issued
        heapq.heappush(self._expiry, (issued[1], next(self._order), token))
