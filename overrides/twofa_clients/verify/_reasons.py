"""Why a check failed, in one vocabulary for both vendors: Infobip's documented ``pinError`` values.

| reason                 | Infobip                         | Bandwidth                                              |
|------------------------|---------------------------------|--------------------------------------------------------|
| ``WRONG_PIN``          | ``pinError`` WRONG_PIN          | ``valid: false`` before the challenge expires          |
| ``TTL_EXPIRED``        | ``pinError`` TTL_EXPIRED        | the challenge has expired (checked without calling the |
|                        |                                 | vendor, and again after a ``valid: false``)            |
| ``NO_MORE_PIN_ATTEMPTS`` | ``pinError`` NO_MORE_PIN_ATTEMPTS | the 429 lock-out "exceeded verification attempts"   |

Both vendors also give ``TTL_EXPIRED`` without a call once the challenge's own expiry has passed, and
``WRONG_PIN`` without a call for a code that cannot match (empty, too long, not the vendor's format).
Infobip values newer than these pass through unchanged. Bandwidth counts wrong codes per number on its
side and says nothing until it locks the number: ``attempts_remaining`` is None there, 0 on the lock-out,
and its ``retry_after`` says when the number may be checked again.
"""

from __future__ import annotations

import re
from typing import Final, Literal

Reason = Literal["WRONG_PIN", "TTL_EXPIRED", "NO_MORE_PIN_ATTEMPTS"]
WRONG_CODE: Final = "WRONG_PIN"
EXPIRED: Final = "TTL_EXPIRED"
ATTEMPTS_EXHAUSTED: Final = "NO_MORE_PIN_ATTEMPTS"
REASONS: frozenset[str] = frozenset({WRONG_CODE, EXPIRED, ATTEMPTS_EXHAUSTED})

# Bandwidth's lock-out text: "This number has exceeded verification attempts, please wait 2 minutes".
# Matched loosely (any inflection, any case), so a reworded message still reads as the lock-out.
_LOCKED_OUT = re.compile(r"exceed\w*\s+(?:the\s+)?verification\s+attempts", re.IGNORECASE)


def is_lockout_text(message: str | None) -> bool:
    """True for Bandwidth's lock-out message, as opposed to any other 429 (a gateway's throttle)."""
    return bool(message) and _LOCKED_OUT.search(message or "") is not None
