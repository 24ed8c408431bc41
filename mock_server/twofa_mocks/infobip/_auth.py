"""Credentials (docs/infobip-2fa.md, Authentication): App keys, Basic users, IBSSO tokens, Bearer tokens, with scopes.

Also the two operations that make credentials: ``POST /2fa/1/api-key`` (Basic only, answers a new
``App`` key with the user's scopes) and the OAuth2 client-credentials endpoint
``POST /auth/1/oauth2/token`` (answers an expiring Bearer token; errors in RFC 6749 style).
"""

from __future__ import annotations

import base64
import binascii
import functools
import hmac
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from .._http import Answer, BodyError, RawRequest, media_type
from ._common import FORBIDDEN, ApiError, Ctx
from ._config import ALL_SCOPES

if TYPE_CHECKING:
    from ._app import InfobipMock, Operation


# Clients send the same few credentials on every request: decode each once (~1 us a request).
@functools.lru_cache(maxsize=64)
def _basic(credentials: str) -> tuple[str, str] | None:
    try:
        decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def _same(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode(), given.encode())


def _basic_user(mock: InfobipMock, credentials: str) -> str | None:
    pair = _basic(credentials)
    if pair is None:
        return None
    expected = mock.config.basic_users.get(pair[0])
    return pair[0] if expected is not None and _same(expected, pair[1]) else None


def credential_scopes(mock: InfobipMock, request: RawRequest) -> tuple[str, frozenset[str]] | None:
    """(scheme, scopes) of the Authorization header, or None when missing or invalid.

    Scheme words are case-sensitive (``App``, ``Basic``, ``IBSSO``, ``Bearer``), as the reference
    suggests; anything else is not a credential.
    """
    scheme, _, credentials = (request.header("authorization") or "").partition(" ")
    credentials = credentials.strip()
    config, store = mock.config, mock.store
    scopes: frozenset[str] | None = None
    if not credentials:
        return None
    if scheme == "App":
        scopes = config.api_keys.get(credentials)
        if scopes is None:
            scopes = store.issued_api_keys.get(credentials)
    elif scheme == "Basic":
        user = _basic_user(mock, credentials)
        if user is not None:
            scopes = config.basic_user_scopes.get(user, ALL_SCOPES)
    elif scheme == "IBSSO":
        scopes = config.ibsso_tokens.get(credentials)
        if scopes is not None and config.ibsso_idle_timeout_seconds:
            now, last = mock.clock.now(), store.ibsso_last_use.get(credentials)
            if last is not None and now - last > config.ibsso_idle_timeout_seconds:
                return None  # the session expired; it stays expired
            store.ibsso_last_use[credentials] = now
    elif scheme == "Bearer":
        issued = store.tokens.get(credentials)
        if issued is not None and issued[1] > mock.clock.now():
            scopes = issued[0]
        elif issued is None:
            scopes = config.bearer_tokens.get(credentials)
    return None if scopes is None else (scheme, scopes)


def authorize(mock: InfobipMock, request: RawRequest, op: Operation, version: int, operation_id: str) -> Ctx:
    """401 without a valid credential; 403 when it holds none of the operation's scopes."""
    with mock.lock:
        found = credential_scopes(mock, request)
    if found is None or (not op.scopes and found[0] != "Basic"):  # API-key creation: Basic only
        raise ApiError.of(401, ("UNAUTHORIZED", mock.config.unauthorized_text))
    if op.scopes and not op.scopes & found[1]:
        raise ApiError.of(403, FORBIDDEN)
    return Ctx(request, version, operation_id, op.name, op.limit, found[1])


async def create_api_key(mock: InfobipMock, ctx: Ctx) -> Answer:
    """``POST /2fa/1/api-key``: a new ``<32 hex>-<UUID>`` key with the Basic user's scopes (U31)."""
    with mock.lock:
        mock.account_limit(ctx)
        key = mock.store.issue_api_key(ctx.scopes, mock.config.max_issued_api_keys)
    if mock.config.api_key_as_json:
        return Answer.json(key)
    return Answer.text(key)


def _oauth_error(status: int, error: str) -> Answer:
    return Answer.json({"error": error}, status)


async def token(mock: InfobipMock, request: RawRequest) -> Answer:
    """OAuth2 client credentials (RFC 6749 section 4.4): form body, client in the form or Basic."""
    if media_type(request) not in ("", "application/x-www-form-urlencoded"):
        return _oauth_error(400, "invalid_request")
    try:
        form = parse_qs((await request.read_limited()).decode("utf-8"), keep_blank_values=True)
    except (BodyError, UnicodeDecodeError, ValueError):
        return _oauth_error(400, "invalid_request")
    scheme, _, credentials = (request.header("authorization") or "").partition(" ")
    pair = _basic(credentials.strip()) if scheme == "Basic" else None
    client_id, secret = pair or ((form.get("client_id") or [""])[0], (form.get("client_secret") or [""])[0])
    with mock.lock:
        config = mock.config
        expected = config.oauth_clients.get(client_id)
        if expected is None or not _same(expected, secret):
            return _oauth_error(401, "invalid_client")
        if form.get("grant_type") != ["client_credentials"]:
            return _oauth_error(400, "unsupported_grant_type")
        allowed = config.oauth_client_scopes.get(client_id, ALL_SCOPES)
        requested = frozenset(" ".join(form.get("scope", [])).split()) or allowed
        if not requested <= allowed:
            return _oauth_error(400, "invalid_scope")
        ttl = config.token_ttl_seconds
        access_token = mock.store.issue_token(requested, ttl, mock.clock.now(), config.max_tokens)
    return Answer.json({"access_token": access_token, "token_type": "Bearer", "expires_in": ttl})
