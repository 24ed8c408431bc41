"""The Bandwidth MFA mock: three POST routes under /api/v1, the OAuth2 token endpoint, and /_mock/.

A request goes: fault injection -> route -> auth (401) -> MFA access (403) -> body (400)
-> lock-out (429) -> the operation. Every vendor answer is JSON in the vendor's exact shape.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import functools
import hmac
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import ClientDisconnect

from .._access import ControlAccess
from .._clock import MockClock
from .._faults import Fault
from .._http import Answer, BodyError, RawRequest, Reply, drop_connection, media_type, no_answer, parse_json
from .._outbox import Delivery
from .._routing import Handler as RouteHandler
from .._service import MockService
from ._config import BandwidthConfig
from ._store import BandwidthStore, IssuedCode, call_id, generate_code, message_id
from ._validation import InvalidRequest, parse_code_request, parse_verify_request

API = "/api/v1"
LOCKED_OUT = "This number has exceeded verification attempts, please wait 2 minutes"
EXPLICIT_DENY = "User is not authorized to access this resource with an explicit deny"
MISSING_TOKEN = "Missing Authentication Token"  # noqa: S105 - an error text, not a secret
# B15: JSON is read for these request types; the Errors page sends verify as text/plain.
JSON_MEDIA_TYPES = frozenset({"application/json", "text/plain", ""})
# The message as sent, {CODE}, {NAME} and {SCOPE} filled in: the request's message is at most 2048
# characters (documented), and each placeholder may grow it; past this the send is refused.
MAX_RENDERED_MESSAGE = 4096
TOO_LONG = f"message is too long once {{CODE}}, {{NAME}} and {{SCOPE}} are filled in: at most {MAX_RENDERED_MESSAGE}"
FAULT_OPERATIONS = frozenset({"oauth2Token", "generateMessagingCode", "generateVoiceCode", "verifyCode"})

Handler = Callable[[RawRequest], Awaitable[Answer]]


def error_body(status: int, error: str) -> Answer:
    """400, 429 and 500 bodies: ``{"error", "requestId"}``."""
    return Answer.json({"error": error, "requestId": str(uuid.uuid4())}, status)


UNAUTHORIZED = Answer.json({"message": "Unauthorized"}, 401)
FORBIDDEN = Answer.json({"Message": EXPLICIT_DENY}, 403)
NOT_FOUND = Answer.json({"message": "Not Found"}, 404)
MISSING_AUTHENTICATION_TOKEN = Answer.json({"message": MISSING_TOKEN}, 403)
VALID = Answer.json({"valid": True})
INVALID = Answer.json({"valid": False})


class Denied(Exception):
    def __init__(self, response: Answer) -> None:
        super().__init__(response.status_code)
        self.response = response


class BandwidthMock(MockService[BandwidthConfig, BandwidthStore]):
    """One Bandwidth MFA account world: configuration, state, outbox, clock and faults."""

    spec_file = "bandwidth-mfa.yaml"
    fault_operations = FAULT_OPERATIONS

    def __init__(
        self,
        config: BandwidthConfig | None = None,
        *,
        clock: MockClock | None = None,
        control: ControlAccess | None = None,
    ) -> None:
        super().__init__(config or BandwidthConfig(), BandwidthStore, clock, control)

    # --- routing -------------------------------------------------------------------------------

    def _routes(self) -> list[tuple[str, RouteHandler]]:
        return [
            (f"{API}/oauth2/token", self._faulty("oauth2Token", self.token)),
            (
                f"{API}/accounts/{{accountId}}/code/messaging",
                self._faulty("generateMessagingCode", self.generate_messaging_code),
            ),
            (f"{API}/accounts/{{accountId}}/code/voice", self._faulty("generateVoiceCode", self.generate_voice_code)),
            (f"{API}/accounts/{{accountId}}/code/verify", self._faulty("verifyCode", self.verify_code)),
        ]

    def _faulty(self, operation: str, handler: Handler) -> RouteHandler:
        async def wrapped(request: RawRequest) -> Reply:
            if request.method != "POST":  # the routes are POST only: any other method is an unknown route
                return await self.unknown_route(request)
            fault = self.faults.take(operation)
            if fault is None:
                return await self._guarded(handler, request)
            return await self._apply_fault(fault, handler, request)

        return wrapped

    async def _apply_fault(self, fault: Fault, handler: Handler, request: RawRequest) -> Reply:
        await request.body()  # the request reached the server before anything goes wrong
        if fault.latency:
            await asyncio.sleep(fault.latency)
        if fault.drop:
            return drop_connection
        if fault.status is None:
            return await self._guarded(handler, request)
        text = {429: "Too Many Requests", 500: "Internal Error"}.get(fault.status, "Service Unavailable")
        response = error_body(fault.status, text)
        if fault.retry_after is not None:
            response = response.with_header("Retry-After", f"{fault.retry_after:g}")
        return response

    async def _guarded(self, handler: Handler, request: RawRequest) -> Reply:
        try:
            return await handler(request)
        except Denied as denied:
            return denied.response
        except ClientDisconnect:  # the client left mid-body: nobody to answer
            return no_answer

    async def unknown_route(self, request: RawRequest) -> Reply:
        # B14: API Gateway's stock answer for an unknown route or method.
        return NOT_FOUND if self.config.unknown_route_status == 404 else MISSING_AUTHENTICATION_TOKEN

    # --- auth ----------------------------------------------------------------------------------

    def _identity(self, request: RawRequest) -> str:
        """The API user or OAuth2 client behind the Authorization header, or Denied(401); a denied Basic
        user is Denied(403) before its password is looked at when ``deniedIdentitiesAnyPassword`` is on."""
        header = request.header("authorization") or ""
        scheme, _, credentials = header.partition(" ")
        credentials = credentials.strip()
        if scheme == "Basic":
            user, password = _basic(credentials)
            if self.config.denied_identities_any_password and user and user in self.config.denied_identities:
                raise Denied(FORBIDDEN)
            expected = self.config.api_users.get(user)
            if expected is not None and _same(expected, password):
                return user
        elif scheme == "Bearer":
            issued = self.store.tokens.get(credentials)
            if issued is not None and issued[1] > self.clock.now():
                return issued[0]
        raise Denied(UNAUTHORIZED)

    def _authorize(self, request: RawRequest) -> str:
        identity = self._identity(request)
        account = str(request.path_params["accountId"])
        if account not in self.config.account_access.get(identity, frozenset()):
            raise Denied(UNAUTHORIZED)  # B16: no access to the account is a 401
        if account not in self.config.mfa_accounts or identity in self.config.denied_identities:
            raise Denied(FORBIDDEN)
        return account

    async def _json_body(self, request: RawRequest) -> Any:
        if media_type(request) not in JSON_MEDIA_TYPES:
            raise Denied(error_body(400, "Content-Type must be application/json"))
        try:
            return parse_json(await request.read_limited())
        except BodyError as exc:
            raise Denied(error_body(400, exc.reason)) from exc

    # --- operations ----------------------------------------------------------------------------

    async def generate_messaging_code(self, request: RawRequest) -> Answer:
        return await self._generate(request, "sms")

    async def generate_voice_code(self, request: RawRequest) -> Answer:
        return await self._generate(request, "voice")

    async def _generate(self, request: RawRequest, channel: str) -> Answer:
        account = self._authorize(request)
        body = await self._json_body(request)
        try:
            req = parse_code_request(body)
        except InvalidRequest as exc:
            return error_body(400, exc.error)
        config = self.config
        if config.known_applications and req.application_id not in config.known_applications:
            return error_body(400, "applicationId is invalid")
        if config.require_code_placeholder and "{CODE}" not in req.message:
            return error_body(400, "message must contain {CODE}")
        code = generate_code(req.digits)
        # At most 341 placeholders in 2048 characters, each at most 64 long: rendering first is cheap.
        text = req.message.replace("{CODE}", code).replace("{NAME}", config.application_name)
        text = text.replace("{SCOPE}", req.scope)
        if len(text) > MAX_RENDERED_MESSAGE:
            return error_body(400, TOO_LONG)
        with self.lock:
            now = self.clock.now()
            self.store.evict_expired(now, config.lockout_seconds)
            reference = call_id() if channel == "voice" else message_id(now)
            self.store.add_code(
                (account, req.to, req.scope),
                IssuedCode(code, now, req.application_id, reference),
                newest_only=config.newest_code_only,
                per_number=config.max_live_codes_per_number,
                total=config.max_codes,
            )
            self.outbox.add(
                Delivery(channel, req.to, text, code, reference, now, sender=req.from_, extra={"scope": req.scope})
            )
        key = "callId" if channel == "voice" else "messageId"
        return Answer.json({key: reference})

    async def verify_code(self, request: RawRequest) -> Answer:
        account = self._authorize(request)
        body = await self._json_body(request)
        try:
            req = parse_verify_request(body)
        except InvalidRequest as exc:
            return error_body(400, exc.error)
        config = self.config
        with self.lock:
            now = self.clock.now()
            self.store.evict_expired(now, config.lockout_seconds)
            number = (account, req.to)
            if self.store.locked(number, now):
                return error_body(429, LOCKED_OUT)
            key = (account, req.to, req.scope)
            issued = self.store.match(key, req.code, req.expiration_minutes * 60, now)
            if issued is not None:
                if config.consume_on_success:
                    self.store.consume(key, issued)
                self.store.failures.pop(number, None)  # B5: success resets the counter
                return VALID
            self.store.record_failure(
                number, now, config.lockout_threshold, config.lockout_seconds, config.max_lockout_counters
            )
            return INVALID

    async def token(self, request: RawRequest) -> Answer:
        """OAuth2 client credentials (RFC 6749 section 4.4), as the SDK and the override layer use it."""
        try:
            raw = await request.read_limited()
            form = parse_qs(raw.decode("utf-8"), keep_blank_values=True)
        except (BodyError, UnicodeDecodeError):
            return Answer.json({"error": "invalid_request"}, status_code=400)
        client_id, secret = _basic((request.header("authorization") or "").partition(" ")[2].strip())
        if not client_id:
            client_id = (form.get("client_id") or [""])[0]
            secret = (form.get("client_secret") or [""])[0]
        expected = self.config.oauth_clients.get(client_id)
        if expected is None or not _same(expected, secret):
            return Answer.json({"error": "invalid_client"}, status_code=401)
        if form.get("grant_type") != ["client_credentials"]:
            return Answer.json({"error": "unsupported_grant_type"}, status_code=400)
        with self.lock:
            ttl = self.config.token_ttl_seconds
            token = self.store.issue_token(client_id, ttl, self.clock.now(), self.config.max_tokens)
        return Answer.json({"access_token": token, "token_type": "Bearer", "expires_in": ttl})


# Clients send the same few credentials on every request: decode each once (~1 us a request).
@functools.lru_cache(maxsize=64)
def _basic(credentials: str) -> tuple[str, str]:
    try:
        decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return "", ""
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else ("", "")


def _same(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode(), given.encode())
