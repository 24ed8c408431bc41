"""Credentials (docs/infobip-2fa.md, Authentication): App keys, Basic users, IBSSO tokens, Bearer tokens, with scopes.

Also the two operations that make credentials: ``POST /2fa/1/api-key`` (Basic only, answers a new
``App`` key with the user's scopes) and the OAuth2 client-credentials endpoint
``POST /auth/1/oauth2/token`` (answers an expiring Bearer token; errors in RFC 6749 style).
"""

from __future__ import annotations

from .. import _oauth
from .._credentials import authorization, basic_pair, same_secret
from .._http import Answer, RawRequest, media_type
from ._config import ALL_SCOPES
from ._errors import FORBIDDEN, UNAUTHORIZED_ID, refusal
from ._request import Ctx
from ._state import InfobipState


def _basic_user(state: InfobipState, credentials: str) -> str | None:
    pair = basic_pair(credentials)
    if pair is None:
        return None
    expected = state.config.basic_users.get(pair[0])
    return pair[0] if expected is not None and same_secret(expected, pair[1]) else None


def credential_scopes(state: InfobipState, request: RawRequest) -> tuple[str, frozenset[str]] | None:
    """(scheme, scopes) of the Authorization header, or None when missing or invalid.

    Scheme words are case-sensitive (``App``, ``Basic``, ``IBSSO``, ``Bearer``), as the reference
    suggests; anything else is not a credential.
    """
    scheme, credentials = authorization(request)
    config, store = state.config, state.store
    scopes: frozenset[str] | None = None
    if not credentials:
        return None
    if scheme == "App":
        scopes = config.api_keys.get(credentials)
        if scopes is None:
            scopes = store.issued_api_keys.get(credentials)
    elif scheme == "Basic":
        user = _basic_user(state, credentials)
        if user is not None:
            scopes = config.basic_user_scopes.get(user, ALL_SCOPES)
    elif scheme == "IBSSO":
        scopes = config.ibsso_tokens.get(credentials)
        if scopes is not None and config.ibsso_idle_timeout_seconds:
            now, last = state.clock.now(), store.ibsso_last_use.get(credentials)
            if last is not None and now - last > config.ibsso_idle_timeout_seconds:
                return None  # the session expired; it stays expired
            store.ibsso_last_use[credentials] = now
    elif scheme == "Bearer":
        issued = store.tokens.get(credentials)
        if issued is not None and issued[1] > state.clock.now():
            scopes = issued[0]
        elif issued is None:
            scopes = config.bearer_tokens.get(credentials)
    return None if scopes is None else (scheme, scopes)


def authorize(state: InfobipState, request: RawRequest, scopes: frozenset[str]) -> frozenset[str]:
    """The scopes the request's credential holds: 401 without a valid credential, 403 when it holds none
    of ``scopes`` (no ``scopes``: Basic credentials only, as for API-key creation)."""
    with state.lock:
        found = credential_scopes(state, request)
    if found is None or (not scopes and found[0] != "Basic"):
        raise refusal(401, (UNAUTHORIZED_ID, state.config.unauthorized_text))
    if scopes and not scopes & found[1]:
        raise refusal(403, FORBIDDEN)
    return found[1]


async def create_api_key(state: InfobipState, ctx: Ctx) -> Answer:
    """``POST /2fa/1/api-key``: a new ``<32 hex>-<UUID>`` key with the Basic user's scopes (U31)."""
    with state.lock:
        state.account_limit(ctx)
        key = state.store.issue_api_key(ctx.scopes, state.config.max_issued_api_keys)
    if state.config.api_key_as_json:
        return Answer.json(key)
    return Answer.text(key)


async def token(state: InfobipState, request: RawRequest) -> Answer:
    """OAuth2 client credentials (RFC 6749 section 4.4): form body, client in the form or Basic."""
    if media_type(request) not in ("", "application/x-www-form-urlencoded"):
        return _oauth.INVALID_REQUEST
    form = await _oauth.read_form(request)
    if form is None:
        return _oauth.INVALID_REQUEST
    scheme, credentials = authorization(request)
    pair = basic_pair(credentials) if scheme == "Basic" else None
    client_id, secret = pair or (_oauth.form_value(form, "client_id"), _oauth.form_value(form, "client_secret"))
    with state.lock:
        config = state.config
        expected = config.oauth_clients.get(client_id)
        if expected is None or not same_secret(expected, secret):
            return _oauth.INVALID_CLIENT
        if not _oauth.is_client_credentials(form):
            return _oauth.UNSUPPORTED_GRANT_TYPE
        allowed = config.oauth_client_scopes.get(client_id, ALL_SCOPES)
        requested = frozenset(" ".join(form.get("scope", [])).split()) or allowed
        if not requested <= allowed:
            return _oauth.INVALID_SCOPE
        ttl = config.token_ttl_seconds
        access_token = state.store.issue_token(requested, ttl, state.clock.now(), config.max_tokens)
    return _oauth.token_answer(access_token, ttl)
