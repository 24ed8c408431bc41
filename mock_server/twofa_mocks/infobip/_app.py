"""The Infobip 2FA mock: /2fa/1 and /2fa/2, the OAuth2 token endpoint, and /_mock/.

A request goes: fault injection -> route (404, 405) -> auth (401, 403) -> body and parameters (400)
-> lookups (404) -> limits (429) -> the operation. Every vendor answer is JSON in the
``requestError.serviceException`` envelope. The handlers live in _templates.py (applications and
templates), _pins.py (PINs and verification records) and _auth.py (credentials, keys, tokens).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import ClientDisconnect

from .._access import ControlAccess
from .._clock import MockClock
from .._control import apply_changes
from .._faults import Fault
from .._http import Answer, RawRequest, Reply, drop_connection, no_answer
from .._routing import Handler as RouteHandler
from .._service import MockService
from . import _auth, _demo, _pins, _templates
from ._common import (
    FAULT_ERRORS,
    MESSAGE_NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    THROTTLE_TEXTS,
    ApiError,
    Ctx,
    service_error,
)
from ._config import SCOPE_MANAGE, SCOPE_PIN_MANAGE, SCOPE_PIN_SEND, InfobipConfig
from ._store import Application, InfobipStore, Template, TemplateKind
from ._validation import Invalid

logger = logging.getLogger(__name__)

Handler = Callable[["InfobipMock", Ctx], Awaitable[Answer]]
MANAGE = frozenset({SCOPE_MANAGE})
PIN = frozenset({SCOPE_MANAGE, SCOPE_PIN_SEND})
PIN_EMAIL = frozenset({SCOPE_PIN_MANAGE, SCOPE_PIN_SEND})  # C15: resend over e-mail, as published
TEN_MINUTES = 600.0
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
T, P, A = _templates, _pins, _auth
OPERATIONS = (
    Operation("get-2fa-applications", "GET", APPS, T.list_applications, MANAGE, limit=50),
    Operation("create-2fa-application", "POST", APPS, T.create_application, MANAGE, limit=20),
    Operation("get-2fa-application", "GET", APP, T.get_application, MANAGE, limit=100),
    Operation("update-2fa-application", "PUT", APP, T.update_application, MANAGE, limit=40),
    Operation("get-2fa-message-templates", "GET", f"{APP}/messages", T.list_templates, MANAGE),
    Operation("create-2fa-message-template", "POST", f"{APP}/messages", T.create_template, MANAGE),
    Operation("get-2fa-message-template", "GET", f"{APP}/messages/{{msg}}", T.get_template, MANAGE),
    Operation("update-2fa-message-template", "PUT", f"{APP}/messages/{{msg}}", T.update_template, MANAGE),
    Operation(
        "create-2fa-email-message-template", "POST", f"{APP}/email/messages", T.create_email_template,
        MANAGE, versions=(2,), limit=20,
    ),
    Operation(
        "update-2fa-email-message-template", "PUT", f"{APP}/email/messages/{{msg}}", T.update_email_template,
        MANAGE, versions=(2,), limit=40,
    ),
    Operation("send-2fa-pin-code-over-sms", "POST", "/pin", P.send_sms, PIN),
    Operation("resend-2fa-pin-code-over-sms", "POST", "/pin/{pin}/resend", P.resend_sms, PIN),
    Operation("send-2fa-pin-code-over-voice", "POST", "/pin/voice", P.send_voice, PIN),
    Operation("resend-2fa-pin-code-over-voice", "POST", "/pin/{pin}/resend/voice", P.resend_voice, PIN),
    Operation("send-2fa-pin-code-over-email", "POST", "/pin/email", P.send_email, PIN, versions=(2,)),
    Operation(
        "resend-2fa-pin-code-over-email", "POST", "/pin/{pin}/resend/email", P.resend_email, PIN_EMAIL,
        versions=(2,),
    ),
    Operation("verify-2fa-phone-number", "POST", "/pin/{pin}/verify", P.verify, PIN),
    Operation("get-2fa-verification-status", "GET", f"{APP}/verifications", P.verifications, PIN),
    Operation("create-api-key", "POST", "/api-key", A.create_api_key, frozenset(), versions=(1,)),
)  # fmt: skip
TOKEN_PATH = "/auth/1/oauth2/token"  # noqa: S105 - a path
TOKEN_OPERATION = "oauth2-token"  # noqa: S105 - a fault-injection key
UNKNOWN_ROUTE = service_error(404, NOT_FOUND)


def operation_id(op: Operation, version: int) -> str:
    return op.name if version == 2 else f"v1-{op.name}"


class InfobipMock(MockService[InfobipConfig, InfobipStore]):
    """One Infobip account world: configuration, state, outbox, clock and faults."""

    spec_file = "infobip-2fa.yaml"
    fault_operations = frozenset(
        {operation_id(op, version) for op in OPERATIONS for version in op.versions} | {TOKEN_OPERATION}
    )

    def __init__(
        self,
        config: InfobipConfig | None = None,
        *,
        clock: MockClock | None = None,
        control: ControlAccess | None = None,
    ) -> None:
        super().__init__(config or InfobipConfig(), InfobipStore, clock, control)
        self._apply_caps()
        if self.config.demo_account:
            _demo.add(self.store, self.config)

    def _apply_caps(self) -> None:
        """Caps the store holds itself rather than taking with each call."""
        for windows in (self.store.windows, self.store.account_windows):
            windows.max_keys = self.config.max_rate_limit_keys

    def reset(self) -> None:
        with self.lock:
            super().reset()
            self._apply_caps()
            if self.config.demo_account:
                _demo.add(self.store, self.config)

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
        by_path: dict[str, dict[str, tuple[int, Operation, str]]] = {}
        for op in OPERATIONS:
            for version in op.versions:
                by_path.setdefault(f"/2fa/{version}{op.path}", {})[op.method] = (version, op, operation_id(op, version))
        routes = [(path, self._dispatcher(ops)) for path, ops in by_path.items()]
        routes.append((TOKEN_PATH, self._dispatcher({}, token=True)))
        return routes

    def _dispatcher(self, methods: dict[str, tuple[int, Operation, str]], *, token: bool = False) -> RouteHandler:
        # A known path with another method: 405 with Allow (no HEAD/OPTIONS either), the same every time.
        not_allowed = service_error(405, METHOD_NOT_ALLOWED).with_header(
            "Allow", "POST" if token else ", ".join(sorted(methods))
        )

        async def dispatch(request: RawRequest) -> Reply:
            if token and request.method == "POST":
                return await self._faulty(TOKEN_OPERATION, 2, request, lambda: _auth.token(self, request))
            entry = methods.get(request.method)
            if entry is None:
                return not_allowed
            version, op, operation = entry
            return await self._faulty(operation, version, request, lambda: self._run(op, version, operation, request))

        return dispatch

    async def unknown_route(self, request: RawRequest) -> Reply:
        return UNKNOWN_ROUTE

    async def _faulty(
        self, operation: str, version: int, request: RawRequest, run: Callable[[], Awaitable[Reply]]
    ) -> Reply:
        fault = self.faults.take(operation)
        if fault is None:
            return await run()
        return await self._apply_fault(fault, version, request, run)

    async def _apply_fault(
        self, fault: Fault, version: int, request: RawRequest, run: Callable[[], Awaitable[Reply]]
    ) -> Reply:
        await request.body()  # the request reached the server before anything goes wrong
        if fault.latency:
            await asyncio.sleep(fault.latency)
        if fault.drop:
            return drop_connection
        if fault.status is None:
            return await run()
        if fault.status == 429:
            response = self.throttled(version).response
        else:
            response = service_error(fault.status, FAULT_ERRORS[fault.status])
        if fault.retry_after is not None:
            response = response.with_header("Retry-After", f"{fault.retry_after:g}")
        return response

    async def _run(self, op: Operation, version: int, operation: str, request: RawRequest) -> Reply:
        try:
            ctx = _auth.authorize(self, request, op, version, operation)
            return await op.handler(self, ctx)
        except ApiError as exc:
            return exc.response
        except Invalid as exc:
            return self.bad_request(exc.errors, version)
        except ClientDisconnect:  # the client left mid-body: not a bug, and nobody to answer
            return no_answer
        except Exception:  # a bug: answer in the vendor's shape and leave a trace
            logger.exception("unexpected error in %s", operation)
            return service_error(500, FAULT_ERRORS[500])

    # --- helpers for the handlers (call them holding self.lock) ----------------------------------

    def bad_request(self, errors: dict[str, list[str]], version: int) -> Answer:
        keep = version == 2 or self.config.v1_validation_errors
        return service_error(400, ("BAD_REQUEST", "Bad request"), errors if keep else None)

    def throttled(self, version: int) -> ApiError:
        message_id = self.config.v2_throttle_id if version == 2 else self.config.v1_throttle_id
        return ApiError.of(429, (message_id, THROTTLE_TEXTS[message_id]))

    def now(self) -> float:
        """The mock time, after forgetting what has expired by then."""
        now = self.clock.now()
        self.store.evict(now, self.config.record_retention_seconds)
        return now

    def account_limit(self, ctx: Ctx) -> None:
        """U32: the published per-account limits, when switched on."""
        if self.config.enforce_account_rate_limits and ctx.account_limit:
            key, now = ctx.limit_key, self.clock.now()
            if not self.store.account_windows.allow(key, ctx.account_limit, TEN_MINUTES, now):
                raise self.throttled(ctx.version)

    def application(self, app_id: str) -> Application:
        app = self.store.applications.get(app_id)
        if app is None:
            raise ApiError.of(404, NOT_FOUND)  # U4
        return app

    def template(self, ctx: Ctx, app: Application, msg_id: str, kind: TemplateKind | None) -> Template:
        """A template of ``app``; e-mail templates do not exist in /2fa/1, and ``kind`` must match."""
        template = app.templates.get(msg_id)
        if (
            template is None
            or (ctx.version == 1 and template.kind == "email")
            or (kind is not None and template.kind != kind)
        ):
            not_found = MESSAGE_NOT_FOUND if self.config.template_not_found_id == "MESSAGE_NOT_FOUND" else NOT_FOUND
            raise ApiError.of(404, not_found)  # U5
        return template
