"""Bandwidth MFA: one entry, account and credentials in, a ready client out.

    from twofa_clients import BandwidthClient
    with BandwidthClient("9900000", client_id="...", client_secret="...") as bandwidth:
        bandwidth.generate_messaging_code(CodeRequest(...))
        result = bandwidth.verify_code(to="+19195551234", code="123456", expiration_time_in_minutes=3)

Basic auth (``username``/``password``, an API user) works until Bandwidth switches API users off on
2026-12-02; OAuth2 client credentials (``client_id``/``client_secret``) are the way after that.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from bandwidth_mfa_client.client import Client
from bandwidth_mfa_client.types import UNSET

from .. import _validate
from .._auth import ClientCredentialsAuth, HeaderAuth, basic
from .._base import AsyncLifecycle, ClientSettings, SyncLifecycle, TransportT
from .._call import CallLimits, Operation, ainvoke, invoke
from .._constants import DEFAULT_TIMEOUT
from .._errors import InvalidArgumentError
from .._retry import RetryPolicy
from .._verify import VerifyResult
from ._operations import VERIFY_CODE, AsyncBandwidthOperations, BandwidthOperations
from ._vendor import BANDWIDTH

if TYPE_CHECKING:  # the models load with the first call that needs them, not with this module
    from bandwidth_mfa_client.models import VerifyCodeRequest

DEFAULT_BASE_URL = "https://mfa.bandwidth.com/api/v1"
DEFAULT_TOKEN_URL = "https://api.bandwidth.com/api/v1/oauth2/token"  # noqa: S105 - a URL, not a secret
PRODUCTION_HOST = "mfa.bandwidth.com"
TOKEN_PATH = "/api/v1/oauth2/token"  # noqa: S105 - a path, not a secret


def token_url_for(base_url: str) -> str:
    """Where OAuth2 credentials go for ``base_url``: production's token host for production, else the
    same host as the API (a mock, a proxy), so a client aimed elsewhere never sends its secret to
    production."""
    url = httpx.URL(base_url)
    if url.host == PRODUCTION_HOST:
        return DEFAULT_TOKEN_URL
    return str(url.copy_with(path=TOKEN_PATH, query=None, fragment=None))


T = TypeVar("T")


def bandwidth_auth(
    *,
    username: str | None = None,
    password: str | None = None,
    client_id: str | None = None,
    client_secret: str | None = None,
    token_url: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
) -> HeaderAuth | ClientCredentialsAuth:
    """Exactly one of: an API user (``username``/``password``) or OAuth2 ``client_id``/``client_secret``."""
    basic_given = username is not None or password is not None
    oauth_given = client_id is not None or client_secret is not None
    if basic_given == oauth_given:
        raise InvalidArgumentError(
            "give exactly one Bandwidth credential: username/password or client_id/client_secret"
        )
    if basic_given:
        if username is None or password is None:
            raise InvalidArgumentError("Basic auth needs both username and password")
        return basic(username, password)
    if client_id is None or client_secret is None:
        raise InvalidArgumentError("OAuth2 needs both client_id and client_secret")
    return ClientCredentialsAuth(token_url or token_url_for(base_url), client_id, client_secret)


def _verify_body(to: str, code: str, expiration_time_in_minutes: float, scope: str | None) -> VerifyCodeRequest:
    from bandwidth_mfa_client.models.verify_code_request import VerifyCodeRequest

    return VerifyCodeRequest(
        to=to,
        code=code,
        expiration_time_in_minutes=expiration_time_in_minutes,
        scope=UNSET if scope is None else scope,
    )


class _BandwidthBase(ClientSettings[TransportT]):
    profile = BANDWIDTH
    _auth: HeaderAuth | ClientCredentialsAuth

    def __init__(
        self,
        account_id: str,
        *,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        token_url: str | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: TransportT | None = None,
        headers: Mapping[str, str] | None = None,
        limits: CallLimits | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        """A Bandwidth MFA client for one account.

        Exactly one credential: ``username`` and ``password`` (an API user, Basic) or ``client_id``
        and ``client_secret`` (OAuth2 client credentials, fetched from ``token_url``: by default the
        production token URL for production, else the base URL's own host). ``timeout``, ``retry``
        and ``limits`` bound each call; ``transport`` replaces the network (an httpx transport of
        the client's kind); ``headers`` are added to every request; ``allow_insecure_http`` permits
        plain ``http://`` URLs to a host that is not loopback.
        """
        _validate.path_parameter("account_id", account_id)
        self.account_id = account_id
        checked_url = _validate.base_url("base_url", base_url, allow_insecure_http=allow_insecure_http)
        if token_url is not None:
            _validate.base_url("token_url", token_url, allow_insecure_http=allow_insecure_http)
        self._auth = bandwidth_auth(
            username=username,
            password=password,
            client_id=client_id,
            client_secret=client_secret,
            token_url=token_url,
            base_url=checked_url,
        )
        self._settings(
            base_url=checked_url, timeout=timeout, retry=retry, transport=transport, headers=headers, limits=limits
        )
        self._generated = Client(base_url=self.base_url, raise_on_unexpected_status=True)
        self._connect()

    @property
    def auth(self) -> HeaderAuth | ClientCredentialsAuth:
        return self._auth

    def __repr__(self) -> str:
        kind = "oauth2" if isinstance(self._auth, ClientCredentialsAuth) else "basic"
        return f"{type(self).__name__}(account_id={self.account_id!r}, base_url={self.base_url!r}, auth={kind!r})"


class BandwidthClient(_BandwidthBase[httpx.BaseTransport], SyncLifecycle, BandwidthOperations):
    """Synchronous Bandwidth MFA client. Use as a context manager, or call ``close()``."""

    def _call(self, op: Operation[T], **kwargs: Any) -> T:
        return invoke(self._ctx, op, {"client": self._generated, "account_id": self.account_id, **kwargs})

    def verify_code(
        self, to: str, code: str, expiration_time_in_minutes: float, *, scope: str | None = None
    ) -> VerifyResult:
        """Check a code (``verifyCode``): ``verified`` is False for a wrong, expired or unknown code."""
        parsed = self._call(VERIFY_CODE, body=_verify_body(to, code, expiration_time_in_minutes, scope))
        return BANDWIDTH.verify_result(parsed, VERIFY_CODE.name)


class AsyncBandwidthClient(_BandwidthBase[httpx.AsyncBaseTransport], AsyncLifecycle, AsyncBandwidthOperations):
    """Asynchronous Bandwidth MFA client. Use as an async context manager, or await ``aclose()``."""

    async def _call(self, op: Operation[T], **kwargs: Any) -> T:
        return await ainvoke(self._ctx, op, {"client": self._generated, "account_id": self.account_id, **kwargs})

    async def verify_code(
        self, to: str, code: str, expiration_time_in_minutes: float, *, scope: str | None = None
    ) -> VerifyResult:
        """Check a code (``verifyCode``): ``verified`` is False for a wrong, expired or unknown code."""
        parsed = await self._call(VERIFY_CODE, body=_verify_body(to, code, expiration_time_in_minutes, scope))
        return BANDWIDTH.verify_result(parsed, VERIFY_CODE.name)
