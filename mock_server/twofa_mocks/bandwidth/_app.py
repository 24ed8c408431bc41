"""The Bandwidth MFA mock: three POST routes under /api/v1, the OAuth2 token endpoint, and /_mock/.

A request goes: fault injection -> route -> auth (401) -> MFA access (403) -> body (400)
-> lock-out (429) -> the operation. Every vendor answer is JSON in the vendor's exact shape. The
operations live in _codes.py (send and verify codes) and _auth.py (credentials, tokens); they see the
mock as a ``BandwidthState`` (_state.py).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from .._http import Answer, RawRequest, Reply
from .._operation import answer
from .._routing import RouteHandler
from .._service import MockService
from . import _auth, _codes
from ._config import BandwidthConfig
from ._errors import ERRORS, MISSING_AUTHENTICATION_TOKEN, NOT_FOUND
from ._state import BandwidthState
from ._store import BandwidthStore

API = "/api/v1"
ACCOUNT = f"{API}/accounts/{{accountId}}"
Handler = Callable[[BandwidthState, RawRequest], Awaitable[Answer]]


class BandwidthMock(MockService[BandwidthConfig, BandwidthStore], BandwidthState):
    """One Bandwidth MFA account world: configuration, state, outbox, clock and faults."""

    spec_file = "bandwidth-mfa.yaml"
    config_type = BandwidthConfig
    store_type = BandwidthStore
    fault_operations = frozenset({"oauth2Token", "generateMessagingCode", "generateVoiceCode", "verifyCode"})

    # --- routing -------------------------------------------------------------------------------

    def _routes(self) -> list[tuple[str, RouteHandler]]:
        # The operations are looked up here, when the mock is made, rather than in a table made at import.
        return [
            (f"{API}/oauth2/token", self._route("oauth2Token", _auth.token)),
            (f"{ACCOUNT}/code/messaging", self._route("generateMessagingCode", _codes.generate_messaging_code)),
            (f"{ACCOUNT}/code/voice", self._route("generateVoiceCode", _codes.generate_voice_code)),
            (f"{ACCOUNT}/code/verify", self._route("verifyCode", _codes.verify_code)),
        ]

    def _route(self, operation: str, handler: Handler) -> RouteHandler:
        run = functools.partial(handler, self)

        async def route(request: RawRequest) -> Reply:
            if request.method != "POST":  # the routes are POST only: any other method is an unknown route
                return await self.unknown_route(request)
            return await answer(self.faults, operation, request, run, ERRORS)

        return route

    async def unknown_route(self, request: RawRequest) -> Reply:
        # B14: API Gateway's stock answer for an unknown route or method.
        return NOT_FOUND if self.config.unknown_route_status == 404 else MISSING_AUTHENTICATION_TOKEN
