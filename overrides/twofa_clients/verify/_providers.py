"""The two vendors behind one interface: send, resend and check a code, sync or async.

A provider is configured once and wraps a public client of this package (sync or async); it builds
the vendor's requests from the Verifier's common terms and reads the answers back:

- ``InfobipProvider``: an application and a template per channel, given as ids or found by name and
  created on first use (so a restart reuses them instead of creating more). Channels: sms and voice
  (one SMS/voice template serves both), email when an e-mail template is configured.
- ``BandwidthProvider``: an application id (and one for voice calls), a from number, a message with
  ``{CODE}``, the code's digits and its expiry. Channels: sms, and voice with a voice application.

Every challenge gets its own Bandwidth scope unless one is configured, so a code sent for one
challenge never verifies another (as Infobip's pinId does).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import re
import secrets
import threading
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from .._errors import InvalidArgumentError, RateLimitError
from .._verify import VerifyResult
from ._challenge import MAX_LIFETIME_MS, Challenge
from ._destination import Channel, destination
from ._errors import ChallengeError, NotSentError
from ._reasons import ATTEMPTS_EXHAUSTED, is_lockout_text
from ._vendor import Vendor

if TYPE_CHECKING:
    from ..bandwidth import AsyncBandwidthClient, BandwidthClient
    from ..infobip import AsyncInfobipClient, InfobipClient

DEFAULT_APPLICATION_NAME: Final = "twofa-toolkit verifier"
DEFAULT_INFOBIP_TEXT: Final = "Your verification code is {{pin}}"
DEFAULT_BANDWIDTH_MESSAGE: Final = "Your verification code is {CODE}"
# Infobip's default pinTimeToLive; an application whose TTL does not read gets the longest one instead,
# so the Verifier never calls a live PIN expired (Infobip itself answers TTL_EXPIRED when it is).
INFOBIP_DEFAULT_TTL = 15 * 60.0
MAX_TEXT_CHARS = 2048
MAX_ID_CHARS = 1024
NOT_SENT = "MESSAGE_NOT_SENT"
_TTL = re.compile(r"(\d{0,9})(ms|s|m|h|d)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86_400.0}


@dataclass(frozen=True)
class Sent:
    """What a vendor answered to a send or resend."""

    operation: str
    reference: str | None  # pinId, messageId or callId
    lifetime: float  # seconds the code stays valid from the send
    scope: str | None = None
    not_sent: str | None = None  # the vendor's status when it answered but sent nothing


def infobip_ttl(value: object) -> float:
    """Seconds of an Infobip time value (``15m``, ``2h``, ``45s``, ``ms``); the longest when unreadable."""
    match = _TTL.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return MAX_LIFETIME_MS / 1000
    seconds = int(match.group(1) or 1) * _UNIT_SECONDS[match.group(2)]
    return min(seconds, MAX_LIFETIME_MS / 1000)


def _text(value: object, name: str, *, required: str | None = None, limit: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"{name} must be a non-empty string")
    if len(value) > limit:
        raise InvalidArgumentError(f"{name} is longer than {limit} characters")
    if required is not None and required not in value:
        raise InvalidArgumentError(f"{name} must contain {required}")
    return value


def _optional_text(value: object, name: str, *, limit: int = MAX_ID_CHARS) -> str | None:
    return None if value is None else _text(value, name, limit=limit)


def _int(value: object, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidArgumentError(f"{name} must be an int from {low} to {high}")
    return value


def _is_async(client: object, method: str, vendor: str) -> bool:
    bound = getattr(client, method, None)
    if bound is None:
        raise InvalidArgumentError(f"client must be a twofa_clients {vendor} client (sync or async)")
    return inspect.iscoroutinefunction(bound)


def _str(value: object) -> str | None:
    return str(value) if isinstance(value, str) else None  # a generated StrEnum is a str; Unset is not


class _SetupLocks:
    """One lock for the sync side, one asyncio lock per event loop for the async side."""

    def __init__(self) -> None:
        self.sync = threading.Lock()
        self._async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()

    def for_loop(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._async.get(loop)
        if lock is None:
            lock = self._async[loop] = asyncio.Lock()
        return lock


# --- Infobip -----------------------------------------------------------------------------------------


@functools.cache
def _infobip_models() -> Any:
    """The generated request models, imported on first use (one module each, not the whole package)."""
    from types import SimpleNamespace

    from infobip_2fa_client.models.tfa_application_configuration import TfaApplicationConfiguration
    from infobip_2fa_client.models.tfa_application_request import TfaApplicationRequest
    from infobip_2fa_client.models.tfa_create_email_message_request import TfaCreateEmailMessageRequest
    from infobip_2fa_client.models.tfa_create_message_request import TfaCreateMessageRequest
    from infobip_2fa_client.models.tfa_pin_type import TfaPinType
    from infobip_2fa_client.models.tfa_start_authentication_request import TfaStartAuthenticationRequest
    from infobip_2fa_client.models.tfa_start_email_authentication_request import TfaStartEmailAuthenticationRequest

    return SimpleNamespace(
        TfaApplicationConfiguration=TfaApplicationConfiguration,
        TfaApplicationRequest=TfaApplicationRequest,
        TfaCreateEmailMessageRequest=TfaCreateEmailMessageRequest,
        TfaCreateMessageRequest=TfaCreateMessageRequest,
        TfaPinType=TfaPinType,
        TfaStartAuthenticationRequest=TfaStartAuthenticationRequest,
        TfaStartEmailAuthenticationRequest=TfaStartEmailAuthenticationRequest,
    )


@dataclass
class _InfobipSetup:
    application_id: str
    lifetime: float
    templates: dict[Channel, str] = field(default_factory=dict)


class InfobipProvider:
    """Infobip 2FA through ``InfobipClient`` or ``AsyncInfobipClient``.

    ``application_id``: use this application; else the first one named ``application_name``, created
    (with the ``pin_*``/``*_limit`` settings given, Infobip's defaults for the rest) when there is none.
    ``sms_template_id``/``voice_template_id`` (voice defaults to the SMS one): else the application's
    first template with ``message_text`` (must hold ``{{pin}}``), ``pin_length`` digits and
    ``sender_id``, created when there is none. E-mail: ``email_template_id`` (a 2FA e-mail template),
    or ``email_source_template_id`` (an Infobip e-mail template id) to find or create one with
    ``email_from``; without either, this provider has no email channel. ``number_lookup``: Infobip's
    ``ncNeeded`` on SMS sends.
    """

    vendor: Final[Vendor] = "infobip"

    def __init__(
        self,
        client: InfobipClient | AsyncInfobipClient,
        *,
        application_id: str | None = None,
        application_name: str = DEFAULT_APPLICATION_NAME,
        sms_template_id: str | None = None,
        voice_template_id: str | None = None,
        email_template_id: str | None = None,
        email_source_template_id: int | None = None,
        email_from: str | None = None,
        message_text: str = DEFAULT_INFOBIP_TEXT,
        pin_length: int = 6,
        sender_id: str | None = None,
        number_lookup: bool = True,
        pin_attempts: int | None = None,
        pin_time_to_live: str | None = None,
        verify_pin_limit: str | None = None,
        send_pin_per_phone_number_limit: str | None = None,
        send_pin_per_application_limit: str | None = None,
    ) -> None:
        self.client = client
        self.is_async = _is_async(client, "verify_2fa_phone_number", "Infobip")
        self.application_id = _optional_text(application_id, "application_id")
        self.application_name = _text(application_name, "application_name", limit=256)
        self.sms_template_id = _optional_text(sms_template_id, "sms_template_id")
        self.voice_template_id = _optional_text(voice_template_id, "voice_template_id")
        self.email_template_id = _optional_text(email_template_id, "email_template_id")
        if email_source_template_id is not None:
            _int(email_source_template_id, "email_source_template_id", 1, 2**63 - 1)
        self.email_source_template_id = email_source_template_id
        self.email_from = _optional_text(email_from, "email_from", limit=320)
        self.message_text = _text(message_text, "message_text", required="{{pin}}")
        self.pin_length = _int(pin_length, "pin_length", 1, 32)
        self.sender_id = _optional_text(sender_id, "sender_id", limit=64)
        if not isinstance(number_lookup, bool):
            raise InvalidArgumentError("number_lookup must be a bool")
        self.number_lookup = number_lookup
        self.configuration: dict[str, Any] = {}
        if pin_attempts is not None:
            self.configuration["pin_attempts"] = _int(pin_attempts, "pin_attempts", 1, 1_000_000)
        for name, value in (
            ("pin_time_to_live", pin_time_to_live),
            ("verify_pin_limit", verify_pin_limit),
            ("send_pin_per_phone_number_limit", send_pin_per_phone_number_limit),
            ("send_pin_per_application_limit", send_pin_per_application_limit),
        ):
            if value is not None:
                self.configuration[name] = _text(value, name, limit=64)
        email = self.email_template_id is not None or self.email_source_template_id is not None
        self.channels: frozenset[Channel] = frozenset({"sms", "voice", *(("email",) if email else ())})
        self._setup: _InfobipSetup | None = None
        self._locks = _SetupLocks()

    def __repr__(self) -> str:
        return f"InfobipProvider(channels={sorted(self.channels)}, client={self.client!r})"

    # --- setup: pure parts --------------------------------------------------------------------------

    def _application_request(self) -> Any:
        m = _infobip_models()
        configuration = m.TfaApplicationConfiguration(**self.configuration)
        return m.TfaApplicationRequest(name=self.application_name, enabled=True, configuration=configuration)

    def _found_application(self, apps: list[Any]) -> Any:
        return next((app for app in apps if app.name == self.application_name), None)

    def _given_template(self, channel: Channel) -> str | None:
        if channel == "email":
            return self.email_template_id
        if channel == "voice":
            return self.voice_template_id or self.sms_template_id
        return self.sms_template_id

    def _found_template(self, templates: list[Any], channel: Channel) -> str | None:
        for template in templates:
            if channel == "email":
                same = template.email_template_id == self.email_source_template_id
            else:
                same = (
                    template.message_text == self.message_text
                    and _str(template.sender_id) == self.sender_id
                    and _str(template.pin_type) == "NUMERIC"
                )
            if same and template.pin_length == self.pin_length:
                return str(template.message_id)
        return None

    def _template_request(self, channel: Channel) -> Any:
        m = _infobip_models()
        if channel == "email":
            extra = {} if self.email_from is None else {"from_": self.email_from}
            return m.TfaCreateEmailMessageRequest(
                email_template_id=self.email_source_template_id,
                pin_length=self.pin_length,
                pin_type=m.TfaPinType.NUMERIC,
                **extra,
            )
        extra = {} if self.sender_id is None else {"sender_id": self.sender_id}
        return m.TfaCreateMessageRequest(
            message_text=self.message_text, pin_type=m.TfaPinType.NUMERIC, pin_length=self.pin_length, **extra
        )

    def _remember(self, setup: _InfobipSetup, channel: Channel, template_id: str) -> tuple[str, str, float]:
        setup.templates[channel] = template_id
        if channel != "email" and self._given_template(channel) is None:  # one created template serves both
            setup.templates.setdefault("sms", template_id)
            setup.templates.setdefault("voice", template_id)
        self._setup = setup
        return setup.application_id, template_id, setup.lifetime

    def forget(self) -> None:
        """Drop what setup found (after a 404 on send: the application or template went away)."""
        self._setup = None

    def _require(self, channel: Channel) -> None:
        if channel not in self.channels:
            raise InvalidArgumentError(f"this Infobip provider has no {channel} channel")

    # --- setup: sync and async ---------------------------------------------------------------------

    def prepare(self, channel: Channel) -> tuple[str, str, float]:
        """(application id, template id, PIN lifetime in seconds), found or created once."""
        self._require(channel)
        client: Any = self.client
        with self._locks.sync:
            setup = self._setup
            if setup is None:
                if self.application_id is not None:
                    app = client.get_2fa_application(self.application_id)
                else:
                    app = self._found_application(client.get_2fa_applications())
                    if app is None:
                        app = client.create_2fa_application(self._application_request())
                setup = _InfobipSetup(str(app.application_id), infobip_ttl(app.configuration.pin_time_to_live))
            template_id = setup.templates.get(channel) or self._given_template(channel)
            if template_id is None:
                template_id = self._found_template(client.get_2fa_message_templates(setup.application_id), channel)
            if template_id is None:
                if channel == "email":
                    created = client.create_2fa_email_message_template(
                        setup.application_id, self._template_request(channel)
                    )
                else:
                    created = client.create_2fa_message_template(setup.application_id, self._template_request(channel))
                template_id = str(created.message_id)
            return self._remember(setup, channel, template_id)

    async def aprepare(self, channel: Channel) -> tuple[str, str, float]:
        self._require(channel)
        client: Any = self.client
        async with self._locks.for_loop():
            setup = self._setup
            if setup is None:
                if self.application_id is not None:
                    app = await client.get_2fa_application(self.application_id)
                else:
                    app = self._found_application(await client.get_2fa_applications())
                    if app is None:
                        app = await client.create_2fa_application(self._application_request())
                setup = _InfobipSetup(str(app.application_id), infobip_ttl(app.configuration.pin_time_to_live))
            template_id = setup.templates.get(channel) or self._given_template(channel)
            if template_id is None:
                listed = await client.get_2fa_message_templates(setup.application_id)
                template_id = self._found_template(listed, channel)
            if template_id is None:
                request = self._template_request(channel)
                if channel == "email":
                    created = await client.create_2fa_email_message_template(setup.application_id, request)
                else:
                    created = await client.create_2fa_message_template(setup.application_id, request)
                template_id = str(created.message_id)
            return self._remember(setup, channel, template_id)

    # --- send, resend, check -----------------------------------------------------------------------

    def _send_call(self, to: str, channel: Channel, app_id: str, template_id: str) -> tuple[Any, str]:
        """(awaitable-or-value of the client call, operation name)."""
        m = _infobip_models()
        client: Any = self.client
        if channel == "email":
            body = m.TfaStartEmailAuthenticationRequest(application_id=app_id, message_id=template_id, to=to)
            return client.send_2fa_pin_code_over_email(body), "send-2fa-pin-code-over-email"
        body = m.TfaStartAuthenticationRequest(application_id=app_id, message_id=template_id, to=to.lstrip("+"))
        if channel == "voice":
            return client.send_2fa_pin_code_over_voice(body), "send-2fa-pin-code-over-voice"
        return client.send_2fa_pin_code_over_sms(body, nc_needed=self.number_lookup), "send-2fa-pin-code-over-sms"

    @staticmethod
    def _sent(answer: Any, operation: str, lifetime: float) -> Sent:
        status = _str(getattr(answer, "sms_status", None))
        return Sent(operation, str(answer.pin_id), lifetime, not_sent=status if status == NOT_SENT else None)

    def next_scope(self) -> None:
        return None  # Infobip's pinId keeps challenges apart

    def send(self, to: str, channel: Channel, setup: tuple[str, str, float], scope: str | None) -> Sent:
        call, operation = self._send_call(to, channel, setup[0], setup[1])
        return self._sent(call, operation, setup[2])

    async def asend(self, to: str, channel: Channel, setup: tuple[str, str, float], scope: str | None) -> Sent:
        call, operation = self._send_call(to, channel, setup[0], setup[1])
        return self._sent(await call, operation, setup[2])

    def _resend_call(self, challenge: Challenge) -> tuple[Any, str]:
        if challenge.reference is None:
            raise ChallengeError("this Infobip challenge has no pinId (its send was not confirmed): start a new one")
        operation = f"resend-2fa-pin-code-over-{challenge.channel}"
        method = getattr(self.client, operation.replace("-", "_"))
        return method(challenge.reference), operation

    def _resent(self, answer: Any, operation: str, challenge: Challenge) -> Sent:
        sent = self._sent(answer, operation, (challenge.expires_at_ms - challenge.issued_at_ms) / 1000)
        if sent.not_sent is not None:
            raise NotSentError("infobip", operation, sent.not_sent)
        return sent

    def resend(self, challenge: Challenge) -> Sent:
        call, operation = self._resend_call(challenge)
        return self._resent(call, operation, challenge)

    async def aresend(self, challenge: Challenge) -> Sent:
        call, operation = self._resend_call(challenge)
        return self._resent(await call, operation, challenge)

    def _pin_id(self, challenge: Challenge) -> str:
        if challenge.reference is None:
            raise ChallengeError("this Infobip challenge has no pinId (its send was not confirmed): start a new one")
        return challenge.reference

    def check(self, challenge: Challenge, code: str) -> VerifyResult:
        client: Any = self.client
        result: VerifyResult = client.verify_2fa_phone_number(self._pin_id(challenge), code)
        return result

    async def acheck(self, challenge: Challenge, code: str) -> VerifyResult:
        client: Any = self.client
        result: VerifyResult = await client.verify_2fa_phone_number(self._pin_id(challenge), code)
        return result

    @staticmethod
    def code_can_match(code: str) -> bool:
        return 1 <= len(code) <= 32  # the longest PIN Infobip generates


# --- Bandwidth ---------------------------------------------------------------------------------------


@functools.cache
def _code_request() -> Any:
    from bandwidth_mfa_client.models.code_request import CodeRequest

    return CodeRequest


def _new_scope() -> str:
    """25 characters (Bandwidth's limit), 96 random bits: one scope per challenge."""
    return "tfa-" + secrets.token_urlsafe(15)[:21]


class BandwidthProvider:
    """Bandwidth MFA through ``BandwidthClient`` or ``AsyncBandwidthClient``.

    ``application_id``: the messaging application (sms); ``voice_application_id``: the voice one
    (voice; without it, no voice channel). ``from_number``: E.164. ``message`` (and ``voice_message``,
    by default the same) must hold ``{CODE}``. ``digits``: 4 to 8. ``expiry_minutes``: 1 to 15, the
    window each check asks for and the challenge's lifetime. ``scope``: None gives every challenge a
    random scope of its own; a fixed string shares one (``{SCOPE}`` in the message then reads well).
    """

    vendor: Final[Vendor] = "bandwidth"

    def __init__(
        self,
        client: BandwidthClient | AsyncBandwidthClient,
        *,
        application_id: str,
        from_number: str,
        message: str = DEFAULT_BANDWIDTH_MESSAGE,
        digits: int = 6,
        expiry_minutes: float = 5.0,
        voice_application_id: str | None = None,
        voice_message: str | None = None,
        scope: str | None = None,
    ) -> None:
        self.client = client
        self.is_async = _is_async(client, "verify_code", "Bandwidth")
        self.application_id = _text(application_id, "application_id", limit=50)
        self.voice_application_id = (
            None if voice_application_id is None else _text(voice_application_id, "voice_application_id", limit=50)
        )
        self.from_number = destination(from_number, "sms", name="from_number")
        self.message = _text(message, "message", required="{CODE}")
        self.voice_message = (
            self.message if voice_message is None else _text(voice_message, "voice_message", required="{CODE}")
        )
        self.digits = _int(digits, "digits", 4, 8)
        if (
            isinstance(expiry_minutes, bool)
            or not isinstance(expiry_minutes, int | float)
            or not (1 <= expiry_minutes <= 15)
        ):
            raise InvalidArgumentError("expiry_minutes must be a number from 1 to 15")
        self.expiry_minutes = float(expiry_minutes)
        if scope is not None and (not isinstance(scope, str) or not re.fullmatch(r"[!-~]{1,25}", scope)):
            raise InvalidArgumentError("scope must be 1 to 25 visible ASCII characters, or None")
        self.scope = scope
        self.channels: frozenset[Channel] = frozenset({"sms", *(("voice",) if self.voice_application_id else ())})

    def __repr__(self) -> str:
        return f"BandwidthProvider(channels={sorted(self.channels)}, client={self.client!r})"

    def prepare(self, channel: Channel) -> tuple[str, str, float]:
        if channel not in self.channels:
            raise InvalidArgumentError(f"this Bandwidth provider has no {channel} channel")
        app = self.application_id if channel == "sms" else self.voice_application_id
        return app or "", self.message if channel == "sms" else self.voice_message, self.expiry_minutes * 60

    async def aprepare(self, channel: Channel) -> tuple[str, str, float]:
        return self.prepare(channel)

    def forget(self) -> None:
        """Nothing is looked up, so nothing to forget."""

    def _send_call(self, to: str, channel: Channel, scope: str, setup: tuple[str, str, float]) -> tuple[Any, str]:
        client: Any = self.client
        request = _code_request()(
            to=to, from_=self.from_number, application_id=setup[0], message=setup[1], digits=self.digits, scope=scope
        )
        if channel == "voice":
            return client.generate_voice_code(request), "generateVoiceCode"
        return client.generate_messaging_code(request), "generateMessagingCode"

    @staticmethod
    def _sent(answer: Any, operation: str, scope: str, lifetime: float) -> Sent:
        reference = getattr(answer, "call_id", None) or getattr(answer, "message_id", None)
        return Sent(operation, _str(reference), lifetime, scope=scope)

    def next_scope(self) -> str:
        return self.scope or _new_scope()

    def send(self, to: str, channel: Channel, setup: tuple[str, str, float], scope: str | None) -> Sent:
        scope = scope or self.next_scope()
        call, operation = self._send_call(to, channel, scope, setup)
        return self._sent(call, operation, scope, setup[2])

    async def asend(self, to: str, channel: Channel, setup: tuple[str, str, float], scope: str | None) -> Sent:
        scope = scope or self.next_scope()
        call, operation = self._send_call(to, channel, scope, setup)
        return self._sent(await call, operation, scope, setup[2])

    def _resend_setup(self, challenge: Challenge) -> tuple[str, tuple[str, str, float]]:
        if challenge.scope is None:  # a Bandwidth challenge always has one (checked when parsed)
            raise ChallengeError("this Bandwidth challenge has no scope")
        return challenge.scope, self.prepare(challenge.channel)

    def resend(self, challenge: Challenge) -> Sent:
        """No resend at Bandwidth: a new code in the same scope (the old one stays valid in its window)."""
        scope, setup = self._resend_setup(challenge)
        return self.send(challenge.to, challenge.channel, setup, scope)

    async def aresend(self, challenge: Challenge) -> Sent:
        scope, setup = self._resend_setup(challenge)
        return await self.asend(challenge.to, challenge.channel, setup, scope)

    @staticmethod
    def window_minutes(challenge: Challenge) -> float:
        """The check's window: the challenge's lifetime, within Bandwidth's 1 to 15 minutes."""
        return min(15.0, max(1.0, (challenge.expires_at_ms - challenge.issued_at_ms) / 60_000))

    @staticmethod
    def _locked_out(error: RateLimitError) -> VerifyResult:
        return VerifyResult(
            vendor="bandwidth", verified=False, reason=ATTEMPTS_EXHAUSTED, attempts_remaining=0,
            retry_after=error.retry_after,
        )  # fmt: skip

    def check(self, challenge: Challenge, code: str) -> VerifyResult:
        client: Any = self.client
        try:
            result: VerifyResult = client.verify_code(
                challenge.to, code, self.window_minutes(challenge), scope=challenge.scope
            )
        except RateLimitError as error:
            if not is_lockout_text(error.message):
                raise
            return self._locked_out(error)
        return result

    async def acheck(self, challenge: Challenge, code: str) -> VerifyResult:
        client: Any = self.client
        try:
            result: VerifyResult = await client.verify_code(
                challenge.to, code, self.window_minutes(challenge), scope=challenge.scope
            )
        except RateLimitError as error:
            if not is_lockout_text(error.message):
                raise
            return self._locked_out(error)
        return result

    def code_can_match(self, code: str) -> bool:
        return 4 <= len(code) <= 8 and code.isascii() and code.isdigit()  # the vendor's own bounds


Provider = InfobipProvider | BandwidthProvider
