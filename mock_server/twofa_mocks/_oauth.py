"""The OAuth2 client-credentials grant both vendors offer (RFC 6749 section 4.4): the form it reads,
the errors it answers (``{"error": ...}``) and the token it issues. Each vendor's _auth.py keeps the
order of its checks and where a client's credentials may come from."""

from __future__ import annotations

from urllib.parse import parse_qs

from ._http import Answer, BodyError, RawRequest

INVALID_REQUEST = Answer.json({"error": "invalid_request"}, 400)
INVALID_CLIENT = Answer.json({"error": "invalid_client"}, 401)
UNSUPPORTED_GRANT_TYPE = Answer.json({"error": "unsupported_grant_type"}, 400)
INVALID_SCOPE = Answer.json({"error": "invalid_scope"}, 400)

Form = dict[str, list[str]]


async def read_form(request: RawRequest) -> Form | None:
    """The form body (UTF-8, within the body limit), blank values kept; None when it cannot be read."""
    try:
        return parse_qs((await request.read_limited()).decode("utf-8"), keep_blank_values=True)
    except (BodyError, UnicodeDecodeError, ValueError):
        return None


def form_value(form: Form, name: str) -> str:
    """The first value of ``name``; empty when absent."""
    return (form.get(name) or [""])[0]


def is_client_credentials(form: Form) -> bool:
    return form.get("grant_type") == ["client_credentials"]


def token_answer(access_token: str, ttl: int) -> Answer:
    return Answer.json({"access_token": access_token, "token_type": "Bearer", "expires_in": ttl})
