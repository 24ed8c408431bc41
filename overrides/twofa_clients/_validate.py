"""What a client refuses before it sends anything: every check names the argument, never its value.

A key read from a file or a secret mount often ends in a newline; sent as a header it makes httpx
(and its debug log) print the whole header, key included. So credentials are checked when the
client is built, base URLs must be https (plain http only to loopback, or when explicitly allowed),
and IDs that would change the request's path (``..``) or cannot be encoded are refused per call.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping

import httpx

from ._constants import MAX_PATH_PARAMETER_CHARS, MAX_TOKEN_CHARS
from ._errors import InvalidArgumentError

MAX_CREDENTIAL_CHARS = MAX_TOKEN_CHARS
# RFC 9110 field names (tchar); values are visible ASCII with inner spaces and tabs.
_TCHAR = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F


def credential(name: str, value: object, *, in_header: bool) -> str:
    """A credential: a non-empty string without control characters or surrounding whitespace.

    ``in_header``: sent as is in a header (an API key, a token), so visible ASCII only. Basic-auth
    usernames and passwords are base64-encoded first and may hold any other Unicode character.
    """
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if not value:
        raise InvalidArgumentError(f"{name} is empty")
    if len(value) > MAX_CREDENTIAL_CHARS:
        raise InvalidArgumentError(f"{name} is longer than {MAX_CREDENTIAL_CHARS} characters")
    if any(_is_control(c) for c in value):
        raise InvalidArgumentError(
            f"{name} contains a control character (a trailing newline from a file or secret mount?); strip it"
        )
    if value != value.strip():
        raise InvalidArgumentError(f"{name} starts or ends with whitespace; strip it")
    if in_header and not all("!" <= c <= "~" for c in value):
        raise InvalidArgumentError(f"{name} must be visible ASCII characters only")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgumentError(f"{name} is not valid Unicode text") from None
    return value


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def base_url(name: str, value: object, *, allow_insecure_http: bool) -> str:
    """An absolute https URL without credentials, query or fragment; http only to loopback or when allowed."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if not value.strip():
        raise InvalidArgumentError(f"{name} is empty")
    if any(_is_control(c) or c.isspace() for c in value):
        raise InvalidArgumentError(f"{name} contains whitespace or a control character")
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError):
        raise InvalidArgumentError(f"{name} is not a URL") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidArgumentError(f"{name} must be an absolute http(s) URL, such as https://api.example.com")
    if url.userinfo:
        raise InvalidArgumentError(f"{name} must not hold credentials (user:password@); pass them as arguments")
    if url.query or url.fragment or "?" in value or "#" in value:
        raise InvalidArgumentError(f"{name} must not have a query string or fragment")
    if url.scheme == "http" and not allow_insecure_http and not _is_loopback(url.host):
        raise InvalidArgumentError(
            f"{name} uses plain http to {url.host}, which would send credentials unencrypted; use https, "
            "or pass allow_insecure_http=True (for a test server on a private network)"
        )
    return value


def headers(value: Mapping[str, str] | None) -> dict[str, str]:
    """Extra request headers: valid names, values without CR, LF or other control characters."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(f"headers must be a mapping of str to str, not {type(value).__name__}")
    checked: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key or not all(c in _TCHAR for c in key):
            raise InvalidArgumentError("a header name is not a valid HTTP field name")
        if not isinstance(item, str):
            raise InvalidArgumentError(f"header {key!r} must have a str value, not {type(item).__name__}")
        if any(_is_control(c) and c != "\t" for c in item) or not item.isascii():
            raise InvalidArgumentError(f"header {key!r} has a control or non-ASCII character in its value")
        checked[key] = item
    return checked


def path_parameter(name: str, value: object) -> None:
    """An ID that goes into a URL path: a string, bounded, valid Unicode, and not ``.`` or ``..``.

    The generated code percent-encodes every other character, but httpx removes ``.`` and ``..``
    segments from a path as RFC 3986 says, so ``verify("..")`` would reach another endpoint. No
    vendor ID is a dot segment, so such a value is refused rather than sent somewhere else.
    """
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if not value:
        raise InvalidArgumentError(f"{name} is empty")
    if len(value) > MAX_PATH_PARAMETER_CHARS:
        raise InvalidArgumentError(f"{name} is longer than {MAX_PATH_PARAMETER_CHARS} characters")
    if value in (".", ".."):
        raise InvalidArgumentError(f"{name} cannot be {value!r}: it would change the request's path")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgumentError(f"{name} is not valid Unicode text (a lone surrogate?)") from None
