"""Every request and answer of a client passes here: the call's deadline, the answer's size, decoding.

Clients wrap whichever transport they send through (httpx's own, the aiohttp one, or one the caller
gave) in a guard, so these bounds hold whatever sits underneath:

- **Deadline.** httpx's timeouts apply to each read, so an answer dripped one byte at a time never
  times out. The layer sets the call's deadline in a context variable; the guard shortens every
  request's timeouts to the time left and checks the deadline between the chunks of an answer.
- **Size.** An answer is read up to ``max_response_bytes`` after decompression, never further:
  decompression is done here, with zlib's output bounded at every step (a few hundred bytes of
  nested gzip can otherwise expand to gigabytes), and at most ``MAX_CONTENT_ENCODINGS`` layers.
  Requests advertise only the encodings decoded here (gzip, deflate).
- **Token requests.** The OAuth2 auth flow marks its token request; a transport failure there
  becomes ``TokenRequestFailed``, so it is not mistaken for a failure of the API call.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from contextvars import ContextVar
from typing import Any

import httpx

from ._constants import MAX_CONTENT_ENCODINGS, MAX_RESPONSE_BYTES

ACCEPT_ENCODING = "gzip, deflate"
# A request extension the OAuth2 auth flow sets on its token request.
TOKEN_REQUEST = "twofa_token_request"  # noqa: S105 - a name, not a secret

# The monotonic time by which the current call must end (None: no deadline). Set by the layer around
# each call; context variables follow both threads and asyncio tasks.
call_deadline: ContextVar[float | None] = ContextVar("twofa_call_deadline", default=None)


class ResponseTooLarge(httpx.DecodingError):
    """The answer (after decompression) is larger than the client's limit."""


class DeadlineExceeded(httpx.TimeoutException):
    """The call's deadline passed. ``before_sending``: the request had not been sent yet."""

    def __init__(self, message: str, *, request: httpx.Request, before_sending: bool) -> None:
        super().__init__(message, request=request)
        self.before_sending = before_sending


class TokenRequestFailed(httpx.TransportError):
    """The OAuth2 token request failed in transport; ``__cause__`` is the original httpx error."""


def time_left() -> float | None:
    deadline = call_deadline.get()
    return None if deadline is None else deadline - time.monotonic()


def _check_deadline(request: httpx.Request, *, before_sending: bool) -> float | None:
    left = time_left()
    if left is not None and left <= 0:
        raise DeadlineExceeded("the call's deadline passed", request=request, before_sending=before_sending)
    return left


def _shorten_timeouts(request: httpx.Request, left: float) -> None:
    """No single wait (connect, read, write, pool) may outlast the call's deadline."""
    timeouts: dict[str, float | None] = dict(request.extensions.get("timeout", {}))
    for key in ("connect", "read", "write", "pool"):
        value = timeouts.get(key)
        timeouts[key] = left if value is None else min(value, left)
    request.extensions["timeout"] = timeouts


# --- bounded decoding -----------------------------------------------------------------------------


class _Inflate:
    """One zlib layer whose output is bounded at every step."""

    def __init__(self, encoding: str) -> None:
        self._deflate = encoding == "deflate"
        # gzip: header and trailer checked; deflate: the zlib wrapper, else raw (as servers differ).
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS if self._deflate else zlib.MAX_WBITS | 16)
        self._started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray()
        while data:
            try:
                piece = self._zlib.decompress(data, limit + 1 - len(out))  # never 0: that means "unbounded"
            except zlib.error:
                if self._deflate and not self._started:  # raw deflate without the zlib wrapper
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._started = True
                    continue
                raise
            self._started = True
            out += piece
            if len(out) > limit:
                raise _TooLarge
            data = self._zlib.unconsumed_tail
        return bytes(out)

    def flush(self, limit: int) -> bytes:
        rest = self._zlib.flush()
        if len(rest) > limit:
            raise _TooLarge
        return rest


class _TooLarge(Exception):
    pass


class BoundedDecoder:
    """Decodes an answer's Content-Encoding layers, refusing to produce more than ``limit`` bytes."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        names = [name.strip().lower() for name in content_encoding.split(",") if name.strip()]
        names = ["gzip" if name == "x-gzip" else name for name in names if name != "identity"]
        unknown = sorted({name for name in names if name not in ("gzip", "deflate")})
        if unknown:
            raise ValueError(f"unsupported Content-Encoding {', '.join(unknown)[:60]!r}")
        if len(names) > MAX_CONTENT_ENCODINGS:
            raise ValueError(f"more than {MAX_CONTENT_ENCODINGS} Content-Encoding layers")
        self._layers = [_Inflate(name) for name in reversed(names)]  # the last one applied is undone first
        self._limit = limit
        self._raw = 0
        self._decoded = 0

    def decode(self, chunk: bytes) -> bytes:
        self._raw += len(chunk)
        if self._raw > self._limit:
            raise _TooLarge
        for layer in self._layers:
            chunk = layer.feed(chunk, self._limit)
        return self._count(chunk)

    def flush(self) -> bytes:
        out = b""
        for layer in self._layers:
            out = layer.feed(out, self._limit) + layer.flush(self._limit)
        return self._count(out)

    def _count(self, chunk: bytes) -> bytes:
        self._decoded += len(chunk)
        if self._decoded > self._limit:
            raise _TooLarge
        return chunk


def _decoding_error(exc: Exception, request: httpx.Request, limit: int) -> httpx.DecodingError:
    if isinstance(exc, _TooLarge):
        return ResponseTooLarge(f"the answer is larger than {limit} bytes", request=request)
    return httpx.DecodingError(f"the answer could not be decoded: {type(exc).__name__}", request=request)


class _BoundedBody:
    """The part both stream kinds share: decode each chunk within the limit and the deadline."""

    def __init__(self, inner: Any, encoding: str, request: httpx.Request, limit: int) -> None:
        self._inner = inner  # the transport's own stream
        self._encoding = encoding
        self._request = request
        self._limit = limit
        self._decoder: BoundedDecoder | None = None

    def _feed(self, chunk: bytes) -> bytes:
        _check_deadline(self._request, before_sending=False)
        return self._step(lambda decoder: decoder.decode(chunk))

    def _rest(self) -> bytes:
        return self._step(BoundedDecoder.flush)

    def _step(self, action: Callable[[BoundedDecoder], bytes]) -> bytes:
        try:
            if self._decoder is None:  # made on the first chunk: a bad Content-Encoding fails as a read
                self._decoder = BoundedDecoder(self._encoding, self._limit)
            return action(self._decoder)
        except (_TooLarge, zlib.error, ValueError) as exc:
            raise _decoding_error(exc, self._request, self._limit) from None


class _BoundedSyncStream(_BoundedBody, httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            decoded = self._feed(chunk)
            if decoded:
                yield decoded
        rest = self._rest()
        if rest:
            yield rest

    def close(self) -> None:
        self._inner.close()


class _BoundedAsyncStream(_BoundedBody, httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            decoded = self._feed(chunk)
            if decoded:
                yield decoded
        rest = self._rest()
        if rest:
            yield rest

    async def aclose(self) -> None:
        await self._inner.aclose()


def _bounded(
    response: httpx.Response, request: httpx.Request, limit: int, stream: type[_BoundedBody]
) -> httpx.Response:
    """``response`` reading its body through ``stream``: decoded here, so httpx must not decode it again."""
    if response.is_stream_consumed:  # read already (a test transport's ready-made answer)
        if len(response.content) > limit:
            raise ResponseTooLarge(f"the answer is larger than {limit} bytes", request=request)
        return response
    encoding = response.headers.get("content-encoding", "")
    if encoding:
        del response.headers["content-encoding"]
        response.headers.pop("content-length", None)
    response.stream = stream(response.stream, encoding, request, limit)  # type: ignore[assignment]
    return response


def _before_sending(request: httpx.Request) -> bool:
    """Applies the deadline to ``request``; True when it is the auth flow's token request."""
    is_token_request = bool(request.extensions.pop(TOKEN_REQUEST, False))
    left = _check_deadline(request, before_sending=True)
    if left is not None:
        _shorten_timeouts(request, left)
    return is_token_request


class GuardedTransport(httpx.BaseTransport):
    """Wraps a sync transport with the call's deadline and a bounded, decoded answer."""

    def __init__(self, inner: httpx.BaseTransport, *, max_response_bytes: int = MAX_RESPONSE_BYTES) -> None:
        self.inner = inner
        self.max_response_bytes = max_response_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        is_token_request = _before_sending(request)
        try:
            response = self.inner.handle_request(request)
        except httpx.TransportError as exc:
            if is_token_request:
                raise TokenRequestFailed(f"{type(exc).__name__}", request=request) from exc
            raise
        return _bounded(response, request, self.max_response_bytes, _BoundedSyncStream)

    def close(self) -> None:
        self.inner.close()


class AsyncGuardedTransport(httpx.AsyncBaseTransport):
    """Wraps an async transport with the call's deadline and a bounded, decoded answer."""

    def __init__(self, inner: httpx.AsyncBaseTransport, *, max_response_bytes: int = MAX_RESPONSE_BYTES) -> None:
        self.inner = inner
        self.max_response_bytes = max_response_bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        is_token_request = _before_sending(request)
        try:
            response = await self.inner.handle_async_request(request)
        except httpx.TransportError as exc:
            if is_token_request:
                raise TokenRequestFailed(f"{type(exc).__name__}", request=request) from exc
            raise
        return _bounded(response, request, self.max_response_bytes, _BoundedAsyncStream)

    async def aclose(self) -> None:
        await self.inner.aclose()
