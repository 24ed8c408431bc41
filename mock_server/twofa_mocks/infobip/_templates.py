"""Applications and message templates (sections 6.1-6.6 and 9.5), both URL versions.

Each handler validates first (400), then looks up (404), then checks limits (429), then changes state
holding ``mock.lock`` with no ``await`` in between.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from .._http import Answer
from ._common import Ctx, read_json
from ._render import application_json, template_json
from ._store import Application, Configuration, Template, new_id
from ._validation import (
    PIN_PLACEHOLDER,
    ApplicationInput,
    invalid,
    parse_application,
    parse_email_template,
    parse_sms_template,
)

if TYPE_CHECKING:
    from ._app import InfobipMock

EMAIL_DEFAULT_PIN_LENGTH = 4  # documented for e-mail templates
EMAIL_DEFAULT_PIN_TYPE = "NUMERIC"


def _ok(body: Any) -> Answer:
    return Answer.json(body)


def _check_room(mock: InfobipMock, what: str) -> None:
    """A 400 when the account already holds as many applications (or templates) as the mock keeps."""
    config, store = mock.config, mock.store
    count, cap, setting = (
        (len(store.applications), config.max_applications, "maxApplications")
        if what == "applications"
        else (store.template_count, config.max_templates, "maxTemplates")
    )
    if count >= cap:
        raise invalid("body", f"the account already has {cap} {what}, the most this mock keeps ({setting})")


def _check_unique_name(mock: InfobipMock, name: str, own_id: str | None = None) -> None:
    if mock.config.unique_application_names and any(
        app.name == name and app.id != own_id for app in mock.store.applications.values()
    ):
        raise invalid("name", "an application with this name already exists")  # U29 (off by default)


# --- applications ---------------------------------------------------------------------------------


async def list_applications(mock: InfobipMock, ctx: Ctx) -> Answer:
    with mock.lock:
        mock.account_limit(ctx)
        return _ok([application_json(app) for app in mock.store.applications.values()])


async def create_application(mock: InfobipMock, ctx: Ctx) -> Answer:
    data = parse_application(await read_json(ctx))
    with mock.lock:
        _check_room(mock, "applications")
        _check_unique_name(mock, data.name)
        mock.account_limit(ctx)
        enabled = mock.config.default_enabled if data.enabled is None else data.enabled  # U1
        app = Application(new_id(), data.name, enabled, Configuration(**data.configuration))
        mock.store.applications[app.id] = app
        return Answer.json(application_json(app), mock.config.created_application_status)


async def get_application(mock: InfobipMock, ctx: Ctx) -> Answer:
    with mock.lock:
        app = mock.application(ctx.path("app"))
        mock.account_limit(ctx)
        return _ok(application_json(app))


async def update_application(mock: InfobipMock, ctx: Ctx) -> Answer:
    data: ApplicationInput = parse_application(await read_json(ctx))
    with mock.lock:
        app = mock.application(ctx.path("app"))
        _check_unique_name(mock, data.name, app.id)
        mock.account_limit(ctx)
        app.name = data.name
        if mock.config.put_resets_omitted_configuration:
            app.enabled = mock.config.default_enabled if data.enabled is None else data.enabled
            app.configuration = Configuration(**data.configuration)
        else:  # U28: what is left out keeps its current value
            app.enabled = app.enabled if data.enabled is None else data.enabled
            app.configuration = dataclasses.replace(app.configuration, **data.configuration)
        return _ok(application_json(app))


# --- templates ------------------------------------------------------------------------------------


def _render(mock: InfobipMock, ctx: Ctx, template: Template) -> dict[str, Any]:
    return template_json(template, ctx.version, hyphenated_v2=mock.config.v2_hyphenated_languages)


async def list_templates(mock: InfobipMock, ctx: Ctx) -> Answer:
    with mock.lock:
        app = mock.application(ctx.path("app"))
        mock.account_limit(ctx)
        templates = [t for t in app.templates.values() if ctx.version == 2 or t.kind == "sms"]
        return _ok([_render(mock, ctx, t) for t in templates])


async def get_template(mock: InfobipMock, ctx: Ctx) -> Answer:
    with mock.lock:
        app = mock.application(ctx.path("app"))
        template = mock.template(ctx, app, ctx.path("msg"), None)
        mock.account_limit(ctx)
        return _ok(_render(mock, ctx, template))


def _sms_fields(mock: InfobipMock, ctx: Ctx, body: Any, *, create: bool) -> dict[str, Any]:
    config = mock.config
    return parse_sms_template(
        body,
        ctx.version,
        create=create,
        lenient=config.accept_both_spellings,
        max_pin_length=config.max_pin_length,
        require_placeholder=config.require_pin_placeholder,
    )


async def create_template(mock: InfobipMock, ctx: Ctx) -> Answer:
    fields = _sms_fields(mock, ctx, await read_json(ctx), create=True)
    with mock.lock:
        app = mock.application(ctx.path("app"))
        _check_room(mock, "templates")
        mock.account_limit(ctx)
        fields.setdefault("pinLength", mock.config.default_pin_length)  # U6
        fields.setdefault("pinPlaceholder", PIN_PLACEHOLDER)  # v2: fixed; v1 sends its own
        template = Template(new_id(), app.id, "sms", fields)
        app.templates[template.id] = template
        mock.store.template_count += 1
        return _ok(_render(mock, ctx, template))


async def update_template(mock: InfobipMock, ctx: Ctx) -> Answer:
    """Partial update. A v2 ``messageText`` brings the ``{{pin}}`` placeholder with it."""
    changes = _sms_fields(mock, ctx, await read_json(ctx), create=False)
    with mock.lock:
        app = mock.application(ctx.path("app"))
        template = mock.template(ctx, app, ctx.path("msg"), "sms")
        merged = {**template.fields, **changes}
        if ctx.version == 2 and "messageText" in changes:
            merged["pinPlaceholder"] = PIN_PLACEHOLDER
        placeholder = str(merged.get("pinPlaceholder", PIN_PLACEHOLDER))
        if mock.config.require_pin_placeholder and placeholder not in str(merged.get("messageText", "")):
            raise invalid("messageText", f"must contain the PIN placeholder {placeholder}")  # U9
        mock.account_limit(ctx)
        template.fields = merged
        return _ok(_render(mock, ctx, template))


def _email_fields(mock: InfobipMock, body: Any, *, create: bool) -> dict[str, Any]:
    config = mock.config
    return parse_email_template(
        body, create=create, lenient=config.accept_both_spellings, max_pin_length=config.max_pin_length
    )


async def create_email_template(mock: InfobipMock, ctx: Ctx) -> Answer:
    fields = _email_fields(mock, await read_json(ctx), create=True)
    with mock.lock:
        app = mock.application(ctx.path("app"))
        _check_room(mock, "templates")
        mock.account_limit(ctx)
        fields = {"pinLength": EMAIL_DEFAULT_PIN_LENGTH, "pinType": EMAIL_DEFAULT_PIN_TYPE, **fields}
        template = Template(new_id(), app.id, "email", fields)
        app.templates[template.id] = template
        mock.store.template_count += 1
        return _ok(_render(mock, ctx, template))


async def update_email_template(mock: InfobipMock, ctx: Ctx) -> Answer:
    changes = _email_fields(mock, await read_json(ctx), create=False)
    with mock.lock:
        app = mock.application(ctx.path("app"))
        template = mock.template(ctx, app, ctx.path("msg"), "email")
        mock.account_limit(ctx)
        template.fields = {**template.fields, **changes}
        return _ok(_render(mock, ctx, template))
