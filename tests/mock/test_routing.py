"""The mocks' own vendor-route dispatch finds, for every path, the route Starlette's router would,
except that the whole path must match: Starlette's ``$`` lets ``/2fa/2/pin\n`` reach ``/2fa/2/pin``."""

from __future__ import annotations

import itertools

import pytest
from starlette.routing import Match, Route
from twofa_mocks import BandwidthMock, InfobipMock
from twofa_mocks._routing import PathTable, route_path

MOCKS = {"infobip": InfobipMock, "bandwidth": BandwidthMock}
SEGMENTS = ["", "2fa", "1", "2", "pin", "PIN", "verify", "resend", "voice", "email", "messages", "applications",
            "APP", "api-key", "api", "v1", "accounts", "9900000", "code", "messaging", "auth", "oauth2", "token",
            "verifications", "a\nb", "x.y", "%2F"]  # fmt: skip


def templates(vendor: str) -> list[str]:
    mock = MOCKS[vendor]()
    return [template for template, _ in mock._routes()]


def starlette_match(routes: list[Route], path: str) -> tuple[str, dict[str, str]] | None:
    """What Starlette's router does: the first route whose pattern matches (any method)."""
    scope = {"type": "http", "path": path, "root_path": "", "method": "POST"}
    for route in routes:
        match, child = route.matches(scope)
        if match is not Match.NONE:
            return route.path, child["path_params"]
    return None


def candidate_paths(vendor: str) -> list[str]:
    """Every route with its parameters filled in, and each of them changed a little."""
    found = []
    for template in templates(vendor):
        for value in ("X", "a\nb", "pin", "messages", "voice", "..", "%2F", " "):
            path = template
            for name in ("app", "msg", "pin", "accountId"):
                path = path.replace("{" + name + "}", value)
            found += [path, path + "/", path + "\n", path + "\n\n", "/" + path, path[:-1], path + "x",
                      path.replace("/", "//", 1), path.upper(), path + "/verify"]  # fmt: skip
    found += ["/" + "/".join(parts) for parts in itertools.product(SEGMENTS[:14], repeat=3)]
    return found


def full_match(routes: list[Route], path: str) -> tuple[str, dict[str, str]] | None:
    """Starlette's router with its route patterns matched against the whole path."""
    for route in routes:
        found = route.path_regex.fullmatch(path)
        if found is not None:
            return route.path, found.groupdict()
    return None


@pytest.mark.parametrize("vendor", sorted(MOCKS))
def test_every_path_finds_the_route_starlette_would(vendor: str) -> None:
    names = templates(vendor)
    table = PathTable([(template, template) for template in names])
    routes = [Route(template, lambda _: None) for template in names]
    differ = 0
    for path in candidate_paths(vendor):
        assert table.match(path) == full_match(routes, path), repr(path)
        if table.match(path) != starlette_match(routes, path):
            assert path.endswith("\n"), repr(path)  # the one difference
            differ += 1
    assert differ  # the candidates do include paths Starlette's `$` lets through


def test_route_path_strips_the_root_path_as_starlette_does() -> None:
    def path(p: str, root: str) -> str:
        return route_path({"path": p, "root_path": root})

    assert path("/2fa/2/pin", "") == "/2fa/2/pin"
    assert path("/root/2fa/2/pin", "/root") == "/2fa/2/pin"
    assert path("/root", "/root") == ""
    assert path("/rooted/2fa", "/root") == "/rooted/2fa"
    assert path("/2fa/2/pin", "/root") == "/2fa/2/pin"
