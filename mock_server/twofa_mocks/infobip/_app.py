"""The Infobip 2FA mock: /2fa/1 and /2fa/2, the OAuth2 token endpoint, and /_mock/.

A request goes: fault injection -> route (404, 405) -> auth (401, 403) -> body and parameters (400)
-> lookups (404) -> limits (429) -> the operation. Every vendor answer is JSON in the
``requestError.serviceException`` envelope. The operations live in _templates.py (applications and
templates), _pins.py (PINs and verification records) and _auth.py (credentials, keys, tokens); they
see the mock as an ``InfobipState`` (_state.py).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from .._control import apply_changes
from .._http import Answer, RawRequest, Reply
from .._operation import Run, answer
from .._routing import RouteHandler
from .._service import MockService
from . import _auth, _demo, _pins, _templates
from ._config import SCOPE_MANAGE, SCOPE_PIN_MANAGE, SCOPE_PIN_SEND, InfobipConfig
from ._errors import METHOD_NOT_ALLOWED, NOT_FOUND, service_error
from ._request import Ctx
from ._state import InfobipState, VersionErrors
from ._store import InfobipStore

Handler = Callable[[InfobipState, Ctx], Awaitable[Answer]]
MANAGE = frozenset({SCOPE_MANAGE})
PIN = frozenset({SCOPE_MANAGE, SCOPE_PIN_SEND})
PIN_EMAIL = frozenset({SCOPE_PIN_MANAGE, SCOPE_PIN_SEND})  # C15: resend over e-mail, as published
# Every route takes every method, so the dispatcher answers 405 in the vendor's shape.


@dataclass(frozen=True)
class Operation:
    """One vendor operation: ``path`` is relative to /2fa/{version}; internal parameter names."""

    name: str  # the /2fa/2 operationId; /2fa/1 ones are prefixed "v1-"
    method: str
    path: str
    handler: Handler
    scopes: frozenset[str]  # any one suffices; empty: Basic credentials only (API-key creation)
    versions: tuple[int, ...] = (1, 2)
    limit: int = 0  # U32: published requests per 10 minutes per account; 0: none


APPS = "/applications"
APP = f"{APPS}/{{app}}"
MESSAGES = f"{APP}/messages"
EMAIL_MESSAGES = f"{APP}/email/messages"
OPERATIONS = (
    Operation("get-2fa-applications", "GET", APPS, _templates.list_applications, MANAGE, limit=50),
    Operation("create-2fa-application", "POST", APPS, _templates.create_application, MANAGE, limit=20),
    Operation("get-2fa-application", "GET", APP, _templates.get_application, MANAGE, limit=100),
    Operation("update-2fa-application", "PUT", APP, _templates.update_application, MANAGE, limit=40),
    Operation("get-2fa-message-templates", "GET", MESSAGES, _templates.list_templates, MANAGE),
    Operation("create-2fa-message-template", "POST", MESSAGES, _templates.create_template, MANAGE),
    Operation("get-2fa-message-template", "GET", f"{MESSAGES}/{{msg}}", _templates.get_template, MANAGE),
    Operation("update-2fa-message-template", "PUT", f"{MESSAGES}/{{msg}}", _templates.update_template, MANAGE),
    Operation(
        "create-2fa-email-message-template", "POST", EMAIL_MESSAGES, _templates.create_email_template,
        MANAGE, versions=(2,), limit=20,
    ),
    Operation(
        "update-2fa-email-message-template", "PUT", f"{EMAIL_MESSAGES}/{{msg}}", _templates.update_email_template,
        MANAGE, versions=(2,), limit=40,
    ),
    Operation("send-2fa-pin-code-over-sms", "POST", "/pin", _pins.send_sms, PIN),
    Operation("resend-2fa-pin-code-over-sms", "POST", "/pin/{pin}/resend", _pins.resend_sms, PIN),
    Operation("send-2fa-pin-code-over-voice", "POST", "/pin/voice", _pins.send_voice, PIN),
    Operation("resend-2fa-pin-code-over-voice", "POST", "/pin/{pin}/resend/voice", _pins.resend_voice, PIN),
    Operation("send-2fa-pin-code-over-email", "POST", "/pin/email", _pins.send_email, PIN, versions=(2,)),
    Operation(
        "resend-2fa-pin-code-over-email", "POST", "/pin/{pin}/resend/email", _pins.resend_email, PIN_EMAIL,
        versions=(2,),
    ),
    Operation("verify-2fa-phone-number", "POST", "/pin/{pin}/verify", _pins.verify, PIN),
    Operation("get-2fa-verification-status", "GET", f"{APP}/verifications", _pins.verifications, PIN),
    Operation("create-api-key", "POST", "/api-key", _auth.create_api_key, frozenset(), versions=(1,)),
)  # fmt: skip
TOKEN_PATH = "/auth/1/oauth2/token"  # noqa: S105 - a path
TOKEN_OPERATION = "oauth2-token"  # noqa: S105 - a fault-injection key
UNKNOWN_ROUTE = service_error(404, NOT_FOUND)


def operation_id(op: Operation, version: int) -> str:
    return op.name if version == 2 else f"v1-{op.name}"


# What one method of one path runs: (fault key, the operation, its error answers).
Endpoint = tuple[str, Run, VersionErrors]


class InfobipMock(MockService[InfobipConfig, InfobipStore], InfobipState):
    """One Infobip account world: configuration, state, outbox, clock and faults."""

    spec_file = "infobip-2fa.yaml"
    config_type = InfobipConfig
    store_type = InfobipStore
    fault_operations = frozenset(
        {operation_id(op, version) for op in OPERATIONS for version in op.versions} | {TOKEN_OPERATION}
    )

    def _fresh_store(self) -> None:
        self._apply_caps()
        if self.config.demo_account:
            _demo.add(self.store, self.config)

    def _apply_caps(self) -> None:
        """Caps the store holds itself rather than taking with each call."""
        for windows in (self.store.windows, self.store.account_windows):
            windows.max_keys = self.config.max_rate_limit_keys

    def configure(self, changes: dict[str, Any]) -> None:
        with self.lock:
            demo = apply_changes(self.config, changes).demo_account
            switched = demo != self.config.demo_account
            if switched:  # checked first: a refused switch changes nothing
                _demo.check_switch(self.store, self.config, demo)
            super().configure(changes)
            self._apply_caps()
            if switched and demo:
                _demo.add(self.store, self.config)
            elif switched:
                _demo.remove(self.store)

    # --- routing -------------------------------------------------------------------------------

    def _routes(self) -> list[tuple[str, RouteHandler]]:
        errors = {version: VersionErrors(self, version) for version in (1, 2)}
        by_path: dict[str, dict[str, Endpoint]] = {}
        for op in OPERATIONS:
            for version in op.versions:
                endpoint = (operation_id(op, version), self._operation(op, version), errors[version])
                by_path.setdefault(f"/2fa/{version}{op.path}", {})[op.method] = endpoint
        routes = [(path, self._dispatcher(endpoints)) for path, endpoints in by_path.items()]
        token: Endpoint = (TOKEN_OPERATION, functools.partial(_auth.token, self), errors[2])
        routes.append((TOKEN_PATH, self._dispatcher({"POST": token})))
        return routes

    def _operation(self, op: Operation, version: int) -> Run:
        operation = operation_id(op, version)

        async def run(request: RawRequest) -> Answer:
            scopes = _auth.authorize(self, request, op.scopes)
            return await op.handler(self, Ctx(request, version, operation, op.name, op.limit, scopes))

        return run

    def _dispatcher(self, endpoints: dict[str, Endpoint]) -> RouteHandler:
        # A known path with another method: 405 with Allow (no HEAD/OPTIONS either), the same every time.
        not_allowed = service_error(405, METHOD_NOT_ALLOWED).with_header("Allow", ", ".join(sorted(endpoints)))

        async def dispatch(request: RawRequest) -> Reply:
            endpoint = endpoints.get(request.method)
            if endpoint is None:
                return not_allowed
            operation, run, errors = endpoint
            return await answer(self.faults, operation, request, run, errors)

        return dispatch

    async def unknown_route(self, request: RawRequest) -> Reply:
        return UNKNOWN_ROUTE
