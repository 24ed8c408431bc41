"""The Authorization header as both vendors read it: scheme and credentials, Basic pairs, secrets
compared in constant time."""

from __future__ import annotations

import base64
import binascii
import functools
import hmac

from ._http import RawRequest


def authorization(request: RawRequest) -> tuple[str, str]:
    """(scheme, credentials) of the Authorization header: the scheme as written (the vendors' scheme
    words are case-sensitive), the credentials stripped; empty strings when there is none."""
    scheme, _, credentials = (request.header("authorization") or "").partition(" ")
    return scheme, credentials.strip()


# Clients send the same few credentials on every request: decode each once (~1 us a request).
@functools.lru_cache(maxsize=64)
def basic_pair(credentials: str) -> tuple[str, str] | None:
    """(user, password) of Basic credentials (strict base64 of UTF-8 ``user:password``), or None."""
    try:
        decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def same_secret(expected: str, given: str) -> bool:
    """Whether ``given`` is ``expected``, in a time that does not tell how much of it was right."""
    return hmac.compare_digest(expected.encode(), given.encode())
