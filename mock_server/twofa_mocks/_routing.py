"""The ASGI app of a mock: vendor routes found with one regex match, the control surface through Starlette.

Starlette's router tries its routes one by one (about 8% of an in-process Infobip send, with the
Request/Response layers around it a third of the ~100 us). Here the vendor paths are one compiled
alternation, built the way ``starlette.routing.compile_path`` builds each route's pattern (``{name}``
matches ``[^/]+``) and tried in the same order, so a path finds the route Starlette would have given
it, with one difference: the whole path must match, so ``/2fa/2/pin%0A`` (a path ending in a newline,
which Python's ``$`` lets through) reaches no route. Starlette keeps the /_mock/ control surface and
lifespan. Every other path gets the vendor's unknown-route answer here: a request target that is not a
path (absolute-form ``http://host/path``, ``*``, CONNECT's ``host:port``), and any path with a newline
(``%0A``), which Starlette's patterns get wrong both ways (``.`` stops at a newline, so ``/a%0Ab``
matched no route and got a plain-text 404 or a 307; ``$`` matches before one, so
``/_mock/health%0A`` was the health route)."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Receive, Scope, Send

from ._http import INTERNAL_SERVER_ERROR, RawRequest, Reply
from ._requestlog import logged
from ._requestlog import logger as request_logger

T = TypeVar("T")
PARAM = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")


class PathTable(Generic[T]):
    """Path templates (``/pin/{pin}/verify``) to targets; ``match`` gives the first that fits, with its parameters."""

    def __init__(self, routes: Sequence[tuple[str, T]]) -> None:
        alternatives: list[str] = []
        self._targets: dict[str, tuple[T, list[tuple[str, str]]]] = {}
        for index, (template, target) in enumerate(routes):
            names: list[tuple[str, str]] = []  # (parameter, its group in the alternation)
            pattern, position = "", 0
            for param in PARAM.finditer(template):
                group = f"r{index}_{param.group(1)}"
                names.append((param.group(1), group))
                pattern += re.escape(template[position : param.start()]) + f"(?P<{group}>[^/]+)"
                position = param.end()
            pattern += re.escape(template[position:])
            alternatives.append(f"(?P<r{index}>{pattern})")
            self._targets[f"r{index}"] = (target, names)
        # Each alternative is one named group that closes last, so ``lastgroup`` names the route.
        self._regex = re.compile("(?:" + "|".join(alternatives) + ")")

    def match(self, path: str) -> tuple[T, dict[str, str]] | None:
        found = self._regex.fullmatch(path)
        if found is None or found.lastgroup is None:
            return None
        target, names = self._targets[found.lastgroup]
        return target, {name: found.group(group) for name, group in names}


def route_path(scope: Scope) -> str:
    """The path without ``root_path``, as Starlette routes it (starlette._utils.get_route_path)."""
    path: str = scope["path"]
    root_path: str = scope.get("root_path", "")
    if not root_path or not path.startswith(root_path):
        return path
    if path == root_path:
        return ""
    if path[len(root_path)] == "/":
        return path[len(root_path) :]
    return path


# What answers one route (a path template), whatever the method.
RouteHandler = Callable[[RawRequest], Awaitable[Reply]]


class MockApp:
    """The mock's ASGI app: ``routes`` (path template -> handler) here, the paths ``fallback_serves`` (the
    control surface) to ``fallback`` unless they hold a newline, every other request to ``unknown``.
    ``name`` (the mock's) heads its DEBUG request lines."""

    def __init__(
        self,
        routes: Sequence[tuple[str, RouteHandler]],
        fallback: ASGIApp,
        fallback_serves: Callable[[str], bool],
        unknown: RouteHandler,
        name: str = "mock",
    ) -> None:
        self.table = PathTable(routes)
        self.fallback = fallback
        self.fallback_serves = fallback_serves
        self.unknown = unknown
        self.name = name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # One cached lookup per request when DEBUG is off (see _requestlog.py).
        if request_logger.isEnabledFor(logging.DEBUG) and scope["type"] == "http":
            await logged(self.name, self._serve, scope, receive, send)
        else:
            await self._serve(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.fallback(scope, receive, send)
            return
        path = route_path(scope)
        found = self.table.match(path)
        if found is None:
            if "\n" not in path and self.fallback_serves(path):
                await self.fallback(scope, receive, send)
            else:
                reply = await self.unknown(RawRequest(scope, receive))
                await reply(scope, receive, send)
            return
        handler, params = found
        try:
            reply = await handler(RawRequest(scope, receive, params))
        except ClientDisconnect:
            # The client left mid-body (a fault or the token endpoint reads the body outside the
            # handlers' own guard): nobody to answer, and not a bug to log.
            return
        except Exception:
            # What Starlette's ServerErrorMiddleware did: a plain 500 when nothing was sent yet, and the
            # exception goes on to the server's log.
            await INTERNAL_SERVER_ERROR(scope, receive, send)
            raise
        await reply(scope, receive, send)


class AnyMethod:
    """A Starlette route endpoint that takes every method, QUERY or FOO included.

    Starlette answers a method missing from a function route's list itself, in plain text; as an ASGI
    class, the route matches any method and the vendor code answers in the vendor's shape.
    """

    def __init__(self, handler: RouteHandler) -> None:
        self._handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        reply = await self._handler(RawRequest(scope, receive, scope.get("path_params")))
        await reply(scope, receive, send)
