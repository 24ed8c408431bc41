"""What the Infobip operations see of the mock: its state (``MockState``), and the checks and answers
they share.

``InfobipMock`` (_app.py) is an ``InfobipState``. The operation modules (_auth, _templates, _pins)
import this module, never the app, so the app imports them without a cycle. Call the helpers
holding ``lock``.
"""

from __future__ import annotations

from .._errors import InvalidRequest, VendorError
from .._http import Answer
from .._state import MockState
from ._config import InfobipConfig
from ._errors import BAD_REQUEST, FAULT_ERRORS, MESSAGE_NOT_FOUND, NOT_FOUND, THROTTLE_TEXTS, refusal, service_error
from ._request import Ctx
from ._store import Application, InfobipStore, Template, TemplateKind

TEN_MINUTES = 600.0


class InfobipState(MockState[InfobipConfig, InfobipStore]):
    """One Infobip account, with the helpers its operations share."""

    def now(self) -> float:
        """The mock time, after forgetting what has expired by then."""
        now = self.clock.now()
        self.store.evict(now, self.config.record_retention_seconds)
        return now

    def throttled(self, version: int) -> VendorError:
        """A 429 with the messageId the URL version uses (C10)."""
        message_id = self.config.v2_throttle_id if version == 2 else self.config.v1_throttle_id
        return refusal(429, (message_id, THROTTLE_TEXTS[message_id]))

    def bad_request(self, errors: dict[str, list[str]], version: int) -> Answer:
        keep = version == 2 or self.config.v1_validation_errors
        return service_error(400, BAD_REQUEST, errors if keep else None)

    def account_limit(self, ctx: Ctx) -> None:
        """U32: the published per-account limits, when switched on."""
        if self.config.enforce_account_rate_limits and ctx.account_limit:
            key, now = ctx.limit_key, self.clock.now()
            if not self.store.account_windows.allow(key, ctx.account_limit, TEN_MINUTES, now):
                raise self.throttled(ctx.version)

    def application(self, app_id: str) -> Application:
        app = self.store.applications.get(app_id)
        if app is None:
            raise refusal(404, NOT_FOUND)  # U4
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
            raise refusal(404, not_found)  # U5
        return template


class VersionErrors:
    """What the mock answers itself on one URL version (an ``ErrorAnswers``), with the configuration of
    the moment."""

    def __init__(self, state: InfobipState, version: int) -> None:
        self.state = state
        self.version = version

    def fault(self, status: int) -> Answer:
        if status == 429:
            return self.state.throttled(self.version).answer
        return service_error(status, FAULT_ERRORS[status])

    def invalid(self, error: InvalidRequest) -> Answer:
        return self.state.bad_request(error.errors, self.version)

    def internal_error(self) -> None:
        # A bug in the mock is not the vendor's documented 500: it goes on to the server (a plain 500 and
        # the traceback in its log; in-process, the exception itself), so a contract run fails on it.
        return None
