"""Codes: send over SMS or voice, and verify (with the per-number lock-out).

Each operation authorises first (401, 403), then reads and validates the body (400), then changes
state holding ``state.lock`` with no ``await`` in between, so concurrent requests are counted exactly.
"""

from __future__ import annotations

from typing import Literal

from .._errors import InvalidRequest
from .._http import Answer, RawRequest
from .._outbox import Delivery
from ._auth import authorize
from ._errors import LOCKED_OUT, error_body
from ._request import read_json
from ._state import BandwidthState
from ._store import IssuedCode, call_id, generate_code, message_id
from ._validation import parse_code_request, parse_verify_request

# The message as sent, {CODE}, {NAME} and {SCOPE} filled in: the request's message is at most 2048
# characters (documented), and each placeholder may grow it; past this the send is refused.
MAX_RENDERED_MESSAGE = 4096
TOO_LONG = f"message is too long once {{CODE}}, {{NAME}} and {{SCOPE}} are filled in: at most {MAX_RENDERED_MESSAGE}"
VALID = Answer.json({"valid": True})
INVALID = Answer.json({"valid": False})


async def generate_messaging_code(state: BandwidthState, request: RawRequest) -> Answer:
    return await _generate(state, request, "sms")


async def generate_voice_code(state: BandwidthState, request: RawRequest) -> Answer:
    return await _generate(state, request, "voice")


async def _generate(state: BandwidthState, request: RawRequest, channel: Literal["sms", "voice"]) -> Answer:
    account = authorize(state, request)
    req = parse_code_request(await read_json(request))
    config = state.config
    if config.known_applications and req.application_id not in config.known_applications:
        raise InvalidRequest.of("applicationId", "applicationId is invalid")
    if config.require_code_placeholder and "{CODE}" not in req.message:
        raise InvalidRequest.of("message", "message must contain {CODE}")
    code = generate_code(req.digits)
    # At most 341 placeholders in 2048 characters, each at most 64 long: rendering first is cheap.
    text = req.message.replace("{CODE}", code).replace("{NAME}", config.application_name)
    text = text.replace("{SCOPE}", req.scope)
    if len(text) > MAX_RENDERED_MESSAGE:
        raise InvalidRequest.of("message", TOO_LONG)
    with state.lock:
        now = state.now()
        reference = call_id() if channel == "voice" else message_id(now)
        state.store.add_code(
            (account, req.to, req.scope),
            IssuedCode(code, now, req.application_id, reference),
            newest_only=config.newest_code_only,
            per_number=config.max_live_codes_per_number,
            total=config.max_codes,
        )
        state.outbox.add(
            Delivery(channel, req.to, text, code, reference, now, sender=req.from_, extra={"scope": req.scope})
        )
    key = "callId" if channel == "voice" else "messageId"
    return Answer.json({key: reference})


async def verify_code(state: BandwidthState, request: RawRequest) -> Answer:
    account = authorize(state, request)
    req = parse_verify_request(await read_json(request))
    config = state.config
    with state.lock:
        now = state.now()
        number = (account, req.to)
        if state.store.locked(number, now):
            return error_body(429, LOCKED_OUT)
        key = (account, req.to, req.scope)
        issued = state.store.match(key, req.code, req.expiration_minutes * 60, now)
        if issued is not None:
            if config.consume_on_success:
                state.store.consume(key, issued)
            state.store.failures.pop(number, None)  # B5: success resets the counter
            return VALID
        state.store.record_failure(
            number, now, config.lockout_threshold, config.lockout_seconds, config.max_lockout_counters
        )
        return INVALID
