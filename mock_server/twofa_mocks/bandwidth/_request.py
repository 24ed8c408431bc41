"""A Bandwidth request's JSON body."""

from __future__ import annotations

from typing import Any

from .._errors import InvalidRequest
from .._http import BodyError, RawRequest, media_type, parse_json

# B15: JSON is read for these request types; the Errors page sends verify as text/plain.
JSON_MEDIA_TYPES = frozenset({"application/json", "text/plain", ""})


async def read_json(request: RawRequest) -> Any:
    """The JSON body: the Content-Type is looked at before the body is read."""
    if media_type(request) not in JSON_MEDIA_TYPES:
        raise InvalidRequest.of("body", "Content-Type must be application/json")
    try:
        return parse_json(await request.read_limited())
    except BodyError as exc:
        raise InvalidRequest.of("body", exc.reason) from exc
