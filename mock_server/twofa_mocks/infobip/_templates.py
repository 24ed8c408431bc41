"""Applications and message templates (sections 6.1-6.6 and 9.5), both URL versions.

Each handler validates first (400), then looks up (404), then checks limits (429), then changes state
holding ``state.lock`` with no ``await`` in between.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .._errors import InvalidRequest
from .._http import Answer
from ._render import application_json, template_json
from ._request import Ctx, read_json
from ._state import InfobipState
from ._store import Application, Configuration, Template, TemplateKind, new_id
from ._validation import (
    PIN_PLACEHOLDER,
    ApplicationInput,
    parse_application,
    parse_email_template,
    parse_sms_template,
)

EMAIL_DEFAULT_PIN_LENGTH = 4  # documented for e-mail templates
EMAIL_DEFAULT_PIN_TYPE = "NUMERIC"


def _check_room(state: InfobipState, what: str) -> None:
    """A 400 when the account already holds as many applications (or templates) as the mock keeps."""
    config, store = state.config, state.store
    count, cap, setting = (
        (len(store.applications), config.max_applications, "maxApplications")
        if what == "applications"
        else (store.template_count, config.max_templates, "maxTemplates")
    )
    if count >= cap:
        raise InvalidRequest.of("body", f"the account already has {cap} {what}, the most this mock keeps ({setting})")


def _check_unique_name(state: InfobipState, name: str, own_id: str | None = None) -> None:
    if state.config.unique_application_names and any(
        app.name == name and app.id != own_id for app in state.store.applications.values()
    ):
        raise InvalidRequest.of("name", "an application with this name already exists")  # U29 (off by default)


# --- applications ---------------------------------------------------------------------------------


async def list_applications(state: InfobipState, ctx: Ctx) -> Answer:
    with state.lock:
        state.account_limit(ctx)
        return Answer.json([application_json(app) for app in state.store.applications.values()])


async def create_application(state: InfobipState, ctx: Ctx) -> Answer:
    data = parse_application(await read_json(ctx))
    with state.lock:
        _check_room(state, "applications")
        _check_unique_name(state, data.name)
        state.account_limit(ctx)
        enabled = state.config.default_enabled if data.enabled is None else data.enabled  # U1
        app = Application(new_id(), data.name, enabled, Configuration(**data.configuration))
        state.store.applications[app.id] = app
        return Answer.json(application_json(app), state.config.created_application_status)


async def get_application(state: InfobipState, ctx: Ctx) -> Answer:
    with state.lock:
        app = state.application(ctx.path("app"))
        state.account_limit(ctx)
        return Answer.json(application_json(app))


async def update_application(state: InfobipState, ctx: Ctx) -> Answer:
    data: ApplicationInput = parse_application(await read_json(ctx))
    with state.lock:
        app = state.application(ctx.path("app"))
        _check_unique_name(state, data.name, app.id)
        state.account_limit(ctx)
        app.name = data.name
        if state.config.put_resets_omitted_configuration:
            app.enabled = state.config.default_enabled if data.enabled is None else data.enabled
            app.configuration = Configuration(**data.configuration)
        else:  # U28: what is left out keeps its current value
            app.enabled = app.enabled if data.enabled is None else data.enabled
            app.configuration = dataclasses.replace(app.configuration, **data.configuration)
        return Answer.json(application_json(app))


# --- templates ------------------------------------------------------------------------------------


def _render(state: InfobipState, ctx: Ctx, template: Template) -> dict[str, Any]:
    return template_json(template, ctx.version, hyphenated_v2=state.config.v2_hyphenated_languages)


def _add_template(
    state: InfobipState, ctx: Ctx, app: Application, kind: TemplateKind, fields: dict[str, Any]
) -> Answer:
    """A new template of ``app`` (after its lookups, room and limits are checked), as the answer."""
    template = Template(new_id(), app.id, kind, fields)
    app.templates[template.id] = template
    state.store.template_count += 1
    return Answer.json(_render(state, ctx, template))


async def list_templates(state: InfobipState, ctx: Ctx) -> Answer:
    with state.lock:
        app = state.application(ctx.path("app"))
        state.account_limit(ctx)
        templates = [t for t in app.templates.values() if ctx.version == 2 or t.kind == "sms"]
        return Answer.json([_render(state, ctx, t) for t in templates])


async def get_template(state: InfobipState, ctx: Ctx) -> Answer:
    with state.lock:
        app = state.application(ctx.path("app"))
        template = state.template(ctx, app, ctx.path("msg"), None)
        state.account_limit(ctx)
        return Answer.json(_render(state, ctx, template))


def _sms_fields(state: InfobipState, ctx: Ctx, body: Any, *, create: bool) -> dict[str, Any]:
    config = state.config
    return parse_sms_template(
        body,
        ctx.version,
        create=create,
        lenient=config.accept_both_spellings,
        max_pin_length=config.max_pin_length,
        require_placeholder=config.require_pin_placeholder,
    )


async def create_template(state: InfobipState, ctx: Ctx) -> Answer:
    fields = _sms_fields(state, ctx, await read_json(ctx), create=True)
    with state.lock:
        app = state.application(ctx.path("app"))
        _check_room(state, "templates")
        state.account_limit(ctx)
        fields.setdefault("pinLength", state.config.default_pin_length)  # U6
        fields.setdefault("pinPlaceholder", PIN_PLACEHOLDER)  # v2: fixed; v1 sends its own
        return _add_template(state, ctx, app, "sms", fields)


async def update_template(state: InfobipState, ctx: Ctx) -> Answer:
    """Partial update. A v2 ``messageText`` brings the ``{{pin}}`` placeholder with it."""
    changes = _sms_fields(state, ctx, await read_json(ctx), create=False)
    with state.lock:
        app = state.application(ctx.path("app"))
        template = state.template(ctx, app, ctx.path("msg"), "sms")
        merged = {**template.fields, **changes}
        if ctx.version == 2 and "messageText" in changes:
            merged["pinPlaceholder"] = PIN_PLACEHOLDER
        placeholder = str(merged.get("pinPlaceholder", PIN_PLACEHOLDER))
        if state.config.require_pin_placeholder and placeholder not in str(merged.get("messageText", "")):
            raise InvalidRequest.of("messageText", f"must contain the PIN placeholder {placeholder}")  # U9
        state.account_limit(ctx)
        template.fields = merged
        return Answer.json(_render(state, ctx, template))


def _email_fields(state: InfobipState, body: Any, *, create: bool) -> dict[str, Any]:
    config = state.config
    return parse_email_template(
        body, create=create, lenient=config.accept_both_spellings, max_pin_length=config.max_pin_length
    )


async def create_email_template(state: InfobipState, ctx: Ctx) -> Answer:
    fields = _email_fields(state, await read_json(ctx), create=True)
    with state.lock:
        app = state.application(ctx.path("app"))
        _check_room(state, "templates")
        state.account_limit(ctx)
        fields = {"pinLength": EMAIL_DEFAULT_PIN_LENGTH, "pinType": EMAIL_DEFAULT_PIN_TYPE, **fields}
        return _add_template(state, ctx, app, "email", fields)


async def update_email_template(state: InfobipState, ctx: Ctx) -> Answer:
    changes = _email_fields(state, await read_json(ctx), create=False)
    with state.lock:
        app = state.application(ctx.path("app"))
        template = state.template(ctx, app, ctx.path("msg"), "email")
        state.account_limit(ctx)
        template.fields = {**template.fields, **changes}
        return Answer.json(_render(state, ctx, template))
