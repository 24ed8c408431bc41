"""Async clients spread concurrent calls over small connection pools; sequential calls use one."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from twofa_clients import AsyncInfobipClient
from twofa_clients._base import ShardedTransport


class Pool(httpx.AsyncBaseTransport):
    """Records requests; holds each until ``release`` is set."""

    def __init__(self, release: asyncio.Event | None = None) -> None:
        self.requests = 0
        self.closed = False
        self.release = release

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.release is not None:
            await self.release.wait()
        return httpx.Response(200, json={})

    async def aclose(self) -> None:
        self.closed = True


def sharded(pools: list[Pool]) -> ShardedTransport:
    transport = ShardedTransport(shards=len(pools))
    transport._pools = pools  # type: ignore[assignment]
    return transport


@pytest.mark.anyio
async def test_sequential_requests_stay_on_the_first_pool() -> None:
    pools = [Pool() for _ in range(4)]
    async with httpx.AsyncClient(transport=sharded(pools)) as client:
        for _ in range(5):
            await client.get("http://mock/")
    assert [p.requests for p in pools] == [5, 0, 0, 0]
    assert all(p.closed for p in pools)


@pytest.mark.anyio
async def test_concurrent_requests_go_to_the_least_busy_pool() -> None:
    release = asyncio.Event()
    pools = [Pool(release) for _ in range(3)]
    async with httpx.AsyncClient(transport=sharded(pools)) as client:
        calls = [asyncio.ensure_future(client.get("http://mock/")) for _ in range(7)]
        await asyncio.sleep(0.05)
        assert [p.requests for p in pools] == [3, 2, 2]
        release.set()
        assert {r.status_code for r in await asyncio.gather(*calls)} == {200}


@pytest.mark.anyio
async def test_async_clients_get_the_sharded_pools_unless_given_a_transport() -> None:
    async with AsyncInfobipClient("https://ib.example", api_key="k") as default:
        assert isinstance(default._generated.get_async_httpx_client()._transport, ShardedTransport)
    given = httpx.MockTransport(lambda request: httpx.Response(200))
    async with AsyncInfobipClient("https://ib.example", api_key="k", transport=given) as custom:
        assert custom._generated.get_async_httpx_client()._transport is given
