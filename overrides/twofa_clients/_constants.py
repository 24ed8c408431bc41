"""Every tuning value of the layer in one place: timeouts, retry caps, token refresh, size limits.
Also the names of the vendors.

Each is a default: clients take ``timeout=``, ``retry=RetryPolicy(...)`` and ``limits=CallLimits(...)``.
Values that come from outside (bodies, waits, token lifetimes) are bounded here, so no answer can
make a call use unbounded memory or time.
"""

from __future__ import annotations

from typing import Literal

import httpx

# The vendors the layer speaks to. Here, in a module that imports nothing of the layer, so that _errors,
# _verify and _vendor can all name it without importing one another.
Vendor = Literal["infobip", "bandwidth"]

# --- time ------------------------------------------------------------------------------------------

# 2FA calls are small and user-facing: fail fast rather than keep a user waiting for a code.
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)
# The whole call, every attempt and every wait between them included. httpx's timeouts apply per
# read, so an answer dripped a byte at a time would otherwise never time out.
DEFAULT_DEADLINE = 30.0

# --- retries ---------------------------------------------------------------------------------------

DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0  # a longer Retry-After (or documented window) is not waited for: the error goes to the caller
RETRYABLE_STATUSES = frozenset({429, 503})

# --- OAuth2 tokens ---------------------------------------------------------------------------------

# A token is replaced this long before it expires (the official SDK uses 60 s), but never more than a
# quarter of its lifetime, so a short-lived token is still reused instead of fetched on every call.
DEFAULT_REFRESH_MARGIN = 60.0
REFRESH_MARGIN_FRACTION = 0.25
# ``expires_in`` comes from outside: a missing, zero, negative, NaN or non-numeric value means "unknown"
# (the token is then used for this long, and replaced after a 401 as always); a huge one is capped.
UNKNOWN_TOKEN_LIFETIME = 300.0
MAX_TOKEN_LIFETIME = 86_400.0
MAX_TOKEN_CHARS = 8_192

# --- sizes -----------------------------------------------------------------------------------------

# Largest answer read, after decompression (2FA answers are a few hundred bytes; a list of every
# application of a large account stays far below this).
MAX_RESPONSE_BYTES = 4 * 1024 * 1024
# Content-Encoding layers decoded at most ("gzip" is one; nested gzip is a decompression bomb).
MAX_CONTENT_ENCODINGS = 2
# The part of an error answer kept on the exception's ``body``.
MAX_ERROR_BODY_BYTES = 16 * 1024
# The part of an unparseable error body quoted in the exception's message.
MAX_MESSAGE_CHARS = 300
# Longest path parameter (an ID) sent; vendor IDs are tens of characters.
MAX_PATH_PARAMETER_CHARS = 1_024

# --- connections (async transport) ----------------------------------------------------------------

# httpx's default: an idle connection is dropped after 5 s, well before servers drop it themselves.
KEEPALIVE_EXPIRY = 5.0
MAX_CONNECTIONS = 100
