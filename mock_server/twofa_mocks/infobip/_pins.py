"""PINs: send, resend and verify over SMS, voice and e-mail, and verification records.

The vendor's rules are in docs/infobip-2fa.md ("The PIN lifecycle").

Each handler validates first (400), then looks up (404), then checks limits (429), then changes state
holding ``state.lock`` with no ``await`` in between, so concurrent requests are counted exactly.
"""

from __future__ import annotations

import hmac
import uuid
from typing import Any

from .._errors import InvalidRequest
from .._http import Answer
from .._outbox import Delivery
from ._errors import BAD_REQUEST, FORBIDDEN, NOT_FOUND, RESOURCE_NOT_FOUND, refusal
from ._render import TooLong, email_text, record_json, render_text
from ._request import Ctx, read_json
from ._state import InfobipState
from ._store import Application, Channel, Pin, Record, Template, generate_pin, new_id
from ._validation import (
    MAX_RENDERED,
    ResendInput,
    limit_parts,
    parse_bool_query,
    parse_resend,
    parse_send,
    parse_verify,
    time_seconds,
)

NOT_REACHABLE = "NC_DESTINATION_NOT_REACHABLE"


# --- send -----------------------------------------------------------------------------------------


async def send_sms(state: InfobipState, ctx: Ctx) -> Answer:
    nc_needed = parse_bool_query(ctx.request.query("ncNeeded"), "ncNeeded")
    return await _send(state, ctx, "sms", nc_needed is not False)  # default true


async def send_voice(state: InfobipState, ctx: Ctx) -> Answer:
    return await _send(state, ctx, "voice", False)  # C16: no Number Lookup on voice


async def send_email(state: InfobipState, ctx: Ctx) -> Answer:
    return await _send(state, ctx, "email", False)


async def _send(state: InfobipState, ctx: Ctx, channel: Channel, nc_needed: bool) -> Answer:
    config = state.config
    req = parse_send(
        await read_json(ctx),
        ctx.version,
        email=channel == "email",
        validate_to=config.validate_destinations,
        forbid_pin=config.reject_pin_placeholder_key,
    )
    with state.lock:
        now = state.now()
        config = state.config
        app = state.store.applications.get(req.application_id)
        template = app.templates.get(req.message_id) if app is not None else None
        if template is None or app is None or (ctx.version == 1 and template.kind == "email"):
            status = config.unknown_send_target_status  # U3
            raise refusal(status, RESOURCE_NOT_FOUND if status == 404 else BAD_REQUEST)
        if template.kind != ("email" if channel == "email" else "sms"):  # U12
            if config.template_kind_mismatch_status == 404:
                raise refusal(404, RESOURCE_NOT_FOUND)
            raise InvalidRequest.of(
                "messageId", f"is not a template for {'e-mail' if channel == 'email' else 'SMS or voice'}"
            )
        if not app.enabled:  # U2
            if config.disabled_application_status == 403:
                raise refusal(403, FORBIDDEN)
            raise InvalidRequest.of("applicationId", "application is disabled")
        fields = template.fields
        pin_type = str(fields.get("pinType", "NUMERIC"))
        length = int(fields.get("pinLength", config.default_pin_length))
        value = generate_pin(pin_type, length)
        text = _message_text(template, channel, value, req.placeholders, "messageId")
        state.account_limit(ctx)
        _send_limits(state, ctx, app, req.to, now)
        ttl = time_seconds(app.configuration.pin_time_to_live) or 0.0
        record = Record(req.to, now, sent=False)
        pin = Pin(
            new_id(), app.id, template.id, channel, req.to, value, now, now + ttl,
            app.configuration.pin_attempts, record, nc_needed=nc_needed, sender=req.sender,
            placeholders=req.placeholders, landing_page_placeholders=req.landing_page_placeholders,
        )  # fmt: skip
        state.store.add_pin(
            pin, config.expired_pin_retention_seconds, config.max_pins, config.max_placeholder_characters
        )
        state.store.add_record((app.id, req.to), record, config.max_records_per_destination, config.max_records)
        body = _deliver(state, pin, template, channel, text, req.placeholders, req.landing_page_placeholders,
                        track=req.track_delivery, resend=False, now=now)  # fmt: skip
    return Answer.json(body)


def _message_text(template: Template, channel: Channel, pin: str, placeholders: dict[str, str], blame: str) -> str:
    """What the message will say; a 400 on ``blame`` (before anything is stored or counted) when it
    would be longer than MAX_RENDERED characters."""
    if channel == "email":
        return email_text(template.fields, pin)
    try:
        return render_text(template.fields, pin, placeholders)
    except TooLong:
        raise InvalidRequest(
            {blame: [f"the message with its PIN and placeholders would be over {MAX_RENDERED} characters"]}
        ) from None


def _send_limits(state: InfobipState, ctx: Ctx, app: Application, to: str, now: float) -> None:
    """U13: both send limits admit, or the request is refused and neither counts it."""
    windows = state.store.windows
    checks = [
        (("send-app", app.id), limit_parts(app.configuration.send_pin_per_application_limit)),
        (("send-to", app.id, to), limit_parts(app.configuration.send_pin_per_phone_number_limit)),
    ]
    for key, parts in checks:
        if parts is not None and not windows.admits(key, parts[0], parts[1], now):
            raise state.throttled(ctx.version)
    for key, parts in checks:
        if parts is not None:
            windows.allow(key, parts[0], parts[1], now)


def _deliver(
    state: InfobipState,
    pin: Pin,
    template: Template,
    channel: Channel,
    text: str,
    placeholders: dict[str, str],
    landing: dict[str, str],
    *,
    track: bool,
    resend: bool,
    now: float,
) -> dict[str, Any]:
    """Deliver ``pin`` over ``channel`` (into the outbox) and build the send/resend response."""
    config = state.config
    body: dict[str, Any] = {"pinId": pin.id, "to": pin.to}
    extra: dict[str, Any] = {"applicationId": pin.application_id, "messageId": template.id, "resend": resend}
    delivered = True
    if channel == "email":
        sender = pin.sender or template.fields.get("from")
        extra["placeholders"], extra["landingPagePlaceholders"] = placeholders, landing
        for name in ("emailTemplateId", "landingPageId"):
            if name in template.fields:
                extra[name] = template.fields[name]
        body["emailStatus"] = {"name": config.email_status_name, "description": config.email_status_description}
    else:
        sender = pin.sender or template.fields.get("senderId")
        extra["placeholders"] = placeholders
        if channel == "sms":
            if pin.nc_needed:  # U22: Number Lookup first; only "not reachable" withholds the SMS
                nc_status = config.number_lookup.get(pin.to, config.default_nc_status)
                body["ncStatus"] = extra["ncStatus"] = nc_status
                delivered = nc_status != NOT_REACHABLE
            body["smsStatus"] = "MESSAGE_SENT" if delivered else "MESSAGE_NOT_SENT"
        else:
            body["callStatus"] = config.call_status  # U23
            for name in ("language", "voiceName", "speechRate", "repeatDTMF"):
                if name in template.fields:
                    extra[name] = template.fields[name]
        if track and delivered:
            body["externalMessageId"] = extra["externalMessageId"] = str(uuid.uuid4())
    if delivered:
        pin.record.sent = True
        state.outbox.add(Delivery(channel, pin.to, text, pin.value, pin.id, now, sender=sender, extra=extra))
    return body


# --- resend ---------------------------------------------------------------------------------------


async def resend_sms(state: InfobipState, ctx: Ctx) -> Answer:
    return await _resend(state, ctx, "sms")


async def resend_voice(state: InfobipState, ctx: Ctx) -> Answer:
    return await _resend(state, ctx, "voice")


async def resend_email(state: InfobipState, ctx: Ctx) -> Answer:
    return await _resend(state, ctx, "email")


async def _resend(state: InfobipState, ctx: Ctx, channel: Channel) -> Answer:
    """Same PIN, same pinId, same TTL and attempt counter (U19); counts toward send limits (U13)."""
    if ctx.version == 2:  # C17: the body is optional; /2fa/1 resends take none
        body = await read_json(ctx, optional=True)
        req = parse_resend(body, email=channel == "email", forbid_pin=state.config.reject_pin_placeholder_key)
    else:
        req = ResendInput(None, None, track_delivery=False)
    with state.lock:
        now = state.now()
        config = state.config
        pin = state.store.pins.get(ctx.path("pin"))
        if pin is None or (ctx.version == 1 and pin.channel == "email"):
            raise refusal(404, NOT_FOUND)
        if now >= pin.expires_at and not config.resend_expired_pins:
            raise refusal(404, NOT_FOUND)  # U20
        if (pin.channel == "email") != (channel == "email") or (
            pin.channel != channel and not config.cross_channel_resend
        ):  # U21; /2fa/1 documents no 400 for resends
            if ctx.version == 1:
                raise refusal(404, NOT_FOUND)
            raise InvalidRequest.of("pinId", f"a {pin.channel} PIN cannot be resent over {channel}")
        app = state.store.applications[pin.application_id]
        template = app.templates[pin.template_id]
        placeholders = pin.placeholders if req.placeholders is None else req.placeholders
        landing = (
            pin.landing_page_placeholders if req.landing_page_placeholders is None else req.landing_page_placeholders
        )
        # The template may have changed since the send: the same bound, blamed on what the resend brought.
        text = _message_text(template, channel, pin.value, placeholders,
                             "pinId" if req.placeholders is None else "placeholders")  # fmt: skip
        state.account_limit(ctx)
        if config.resends_count_toward_limits:
            _send_limits(state, ctx, app, pin.to, now)
        body = _deliver(state, pin, template, channel, text, placeholders, landing,
                        track=req.track_delivery, resend=True, now=now)  # fmt: skip
    return Answer.json(body)


# --- verify ---------------------------------------------------------------------------------------


async def verify(state: InfobipState, ctx: Ctx) -> Answer:
    """Check order (U15): 404 unknown, 429 verifyPinLimit, TTL_EXPIRED, NO_MORE_PIN_ATTEMPTS, U16, compare."""
    given = parse_verify(await read_json(ctx))
    with state.lock:
        now = state.now()
        config = state.config
        pin = state.store.pins.get(ctx.path("pin"))
        if pin is None:
            raise refusal(404, NOT_FOUND)
        app = state.store.applications[pin.application_id]
        state.account_limit(ctx)
        parts = limit_parts(app.configuration.verify_pin_limit)
        key = ("verify", app.id, pin.to)  # U14: per (application, destination)
        if parts is not None and not state.store.windows.allow(key, parts[0], parts[1], now):
            raise state.throttled(ctx.version)
        error: str | None = None
        if now >= pin.expires_at:
            error = "TTL_EXPIRED"
        elif pin.wrong_attempts >= pin.max_attempts:
            error = "NO_MORE_PIN_ATTEMPTS"
        elif pin.verified and not app.configuration.allow_multiple_pin_verifications:
            error = config.reverify_pin_error  # U16
        elif _same_pin(pin.value, given, config.case_insensitive_pins):
            pin.verified = pin.record.verified = True
            if pin.record.verified_at is None:
                pin.record.verified_at = now
        else:  # U17: only wrong PINs use up attempts
            pin.wrong_attempts += 1
            error = "WRONG_PIN" if pin.attempts_remaining else "NO_MORE_PIN_ATTEMPTS"
        remaining = pin.attempts_remaining
        if error is None and config.zero_attempts_remaining_on_success:
            remaining = 0  # U18 option: the vendor example's 0
        body: dict[str, Any] = {"pinId": pin.id, "msisdn": pin.to, "verified": error is None}
        body["attemptsRemaining"] = remaining
        if error is not None:
            body["pinError"] = error
    return Answer.json(body)


def _same_pin(expected: str, given: str, case_insensitive: bool) -> bool:
    if case_insensitive:
        expected, given = expected.upper(), given.upper()
    return hmac.compare_digest(expected.encode(), given.encode())


# --- verification records -------------------------------------------------------------------------


async def verifications(state: InfobipState, ctx: Ctx) -> Answer:
    """Records of one destination, newest first (U26), filtered by ``verified`` and ``sent`` (U27)."""
    msisdn = ctx.request.query("msisdn")
    if msisdn is None:
        raise InvalidRequest.of("msisdn", "must not be null")
    verified = parse_bool_query(ctx.request.query("verified"), "verified")
    sent = parse_bool_query(ctx.request.query("sent"), "sent")
    with state.lock:
        state.now()
        app = state.application(ctx.path("app"))
        state.account_limit(ctx)
        records = reversed(state.store.records.get((app.id, msisdn), ()))
        body = [
            record_json(r)
            for r in records
            if (verified is None or r.verified == verified) and (sent is None or r.sent == sent)
        ]
    return Answer.json({"verifications": body})
