"""Credentials: API users over HTTP Basic and OAuth2 clients' Bearer tokens, the accounts each may use,
and the OAuth2 client-credentials endpoint ``POST /api/v1/oauth2/token``."""

from __future__ import annotations

from .. import _oauth
from .._credentials import authorization, basic_pair, same_secret
from .._errors import VendorError
from .._http import Answer, RawRequest
from ._errors import FORBIDDEN, UNAUTHORIZED
from ._state import BandwidthState


def identity(state: BandwidthState, request: RawRequest) -> str:
    """The API user or OAuth2 client behind the Authorization header, or a 401; a denied Basic user is a
    403 before its password is looked at when ``deniedIdentitiesAnyPassword`` is on."""
    config = state.config
    scheme, credentials = authorization(request)
    if scheme == "Basic":
        user, password = basic_pair(credentials) or ("", "")
        if config.denied_identities_any_password and user and user in config.denied_identities:
            raise VendorError(FORBIDDEN)
        expected = config.api_users.get(user)
        if expected is not None and same_secret(expected, password):
            return user
    elif scheme == "Bearer":
        issued = state.store.tokens.get(credentials)
        if issued is not None and issued[1] > state.clock.now():
            return issued[0]
    raise VendorError(UNAUTHORIZED)


def authorize(state: BandwidthState, request: RawRequest) -> str:
    """The account of the path, when the caller may use MFA on it: else a 401 (B16) or a 403."""
    who = identity(state, request)
    account = str(request.path_params["accountId"])
    config = state.config
    if account not in config.account_access.get(who, frozenset()):
        raise VendorError(UNAUTHORIZED)  # B16: no access to the account is a 401
    if account not in config.mfa_accounts or who in config.denied_identities:
        raise VendorError(FORBIDDEN)
    return account


async def token(state: BandwidthState, request: RawRequest) -> Answer:
    """OAuth2 client credentials (RFC 6749 section 4.4), as the SDK and the override layer use it."""
    form = await _oauth.read_form(request)
    if form is None:
        return _oauth.INVALID_REQUEST
    client_id, secret = basic_pair(authorization(request)[1]) or ("", "")  # read as Basic whatever the scheme word
    if not client_id:
        client_id, secret = _oauth.form_value(form, "client_id"), _oauth.form_value(form, "client_secret")
    expected = state.config.oauth_clients.get(client_id)
    if expected is None or not same_secret(expected, secret):
        return _oauth.INVALID_CLIENT
    if not _oauth.is_client_credentials(form):
        return _oauth.UNSUPPORTED_GRANT_TYPE
    with state.lock:
        ttl = state.config.token_ttl_seconds
        access_token = state.store.issue_token(client_id, ttl, state.clock.now(), state.config.max_tokens)
    return _oauth.token_answer(access_token, ttl)
